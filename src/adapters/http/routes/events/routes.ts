import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { LiveEventSource } from '../../../../application/ports/live-events.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import { liveEventFor } from '../../../../domain/notifications/live-event.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { everyone } from '../notifications/routes.ts';

export interface EventRouteDeps {
  readonly events: LiveEventSource;
  /** How often a comment line keeps proxies from closing an idle stream (default 25 s). */
  readonly heartbeatMs?: number;
  /**
   * How long one stream lives (default 15 minutes); the browser then reconnects and is
   * authenticated again, so a stream never outlives its session by long.
   */
  readonly maxStreamMs?: number;
}

/**
 * `GET /v1/events`: server-sent events for the signed-in person: `case-changed` `{caseId,
 * version}` for cases they may see, `notification` `{id, caseId}` for notifications addressed to
 * them, and a comment as heartbeat. Every open stream is ended when the server closes, so a
 * graceful stop never waits on a browser.
 */
export const eventRoutes: FastifyPluginAsyncTypebox<EventRouteDeps> = (app, deps) => {
  const open = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const end of [...open]) end();
    done();
  });

  app.get(
    '/events',
    {
      config: { access: everyone },
      schema: {
        tags: ['cases'],
        summary: 'Live updates (text/event-stream): case-changed and notification events',
        description:
          'Server-sent events: `event: case-changed` with `{"caseId","version"}` for cases you may see, `event: notification` with `{"id","caseId"}` for your notifications; a `: heartbeat` comment keeps the stream open. Reconnect (EventSource does) when it ends.',
        produces: ['text/event-stream'],
        response: {
          200: Type.String({ description: 'A text/event-stream that stays open.' }),
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    (request, reply) => {
      const principal = principalOf(request);
      const raw = reply.raw;
      let ended = false;
      const write = (text: string) => {
        if (!ended) raw.write(text);
      };
      const unsubscribe = deps.events.subscribe((event) => {
        const data = liveEventFor(event, principal);
        if (data !== undefined) write(`event: ${data.kind}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
        connection: 'keep-alive',
      });
      write('retry: 5000\n: connected\n\n');
      const heartbeat = setInterval(() => {
        write(': heartbeat\n\n');
      }, deps.heartbeatMs ?? 25_000);
      const lifetime = setTimeout(
        () => {
          end();
        },
        deps.maxStreamMs ?? 15 * 60_000,
      );
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        unsubscribe();
        open.delete(end);
        raw.end();
      };
      open.add(end);
      // The response closes when the browser goes away (or the stream ended).
      raw.on('close', end);
    },
  );
  return Promise.resolve();
};
