import { afterEach, describe, expect, it } from 'vitest';
import { inMemoryNotificationStore } from '../../../../../test/fakes/in-memory-notification-store.ts';
import { fixedClock } from '../../../../../test/fakes/fixed-clock.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import { inProcessLiveEvents } from '../../../events/in-process-live-events.ts';
import type { App } from '../../build-app.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function liveApp() {
  const bus = inProcessLiveEvents();
  const built = await buildTestApp({
    live: { notifications: inMemoryNotificationStore(), clock: fixedClock(), events: bus },
  });
  app = built;
  const address = await built.listen({ port: 0, host: '127.0.0.1' });
  return { bus, address };
}

/** Opens the stream and reads it until `until` is in what arrived. */
async function openStream(address: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(`${address}/v1/events`, { headers, signal: abort.signal });
  const reader = response.body?.getReader();
  let text = '';
  const readUntil = async (until: string) => {
    while (!text.includes(until)) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done)
        throw new Error(`stream ended before "${until}": ${text}`);
      text += new TextDecoder().decode(chunk.value as Uint8Array);
    }
    return text;
  };
  const ended = async () => {
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) return true;
    }
  };
  return {
    response,
    readUntil,
    ended,
    abort: () => {
      abort.abort();
    },
  };
}

describe('GET /v1/events', () => {
  it('refuses an anonymous caller with 401 in the error shape', async () => {
    const { address } = await liveApp();
    const response = await fetch(`${address}/v1/events`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'CORDON_UNAUTHENTICATED' } });
  });

  it('streams the case changes and notifications a person may see, and nothing of another organisation', async () => {
    const { bus, address } = await liveApp();
    const vista = await openStream(address, asRole('exporter', 'org-vista'));
    expect(vista.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    await vista.readUntil(': connected');
    await bus.publish([
      { kind: 'case-changed', caseId: 'c-other', version: 3, organisationId: 'org-other' },
      {
        kind: 'notification',
        notificationId: 'c-other:3:0',
        caseId: 'c-other',
        recipient: { kind: 'organisation', organisationId: 'org-other' },
      },
      { kind: 'case-changed', caseId: 'c-vista', version: 4, organisationId: 'org-vista' },
      {
        kind: 'notification',
        notificationId: 'c-vista:4:0',
        caseId: 'c-vista',
        recipient: { kind: 'organisation', organisationId: 'org-vista' },
      },
    ]);
    const text = await vista.readUntil('c-vista:4:0');
    expect(text).toContain(
      'event: case-changed\ndata: {"kind":"case-changed","caseId":"c-vista","version":4}\n\n',
    );
    expect(text).toContain(
      'event: notification\ndata: {"kind":"notification","id":"c-vista:4:0","caseId":"c-vista"}\n\n',
    );
    expect(text).not.toContain('c-other');
    expect(text).not.toContain('org-vista');
  });

  it('ends every open stream when the server closes, so a graceful stop does not wait on browsers', async () => {
    const { bus, address } = await liveApp();
    const stream = await openStream(address, asRole('caseworker'));
    await stream.readUntil(': connected');
    expect(bus.listenerCount()).toBe(1);
    await app?.close();
    app = undefined;
    expect(await stream.ended()).toBe(true);
    expect(bus.listenerCount()).toBe(0);
  });

  it('stops listening for a browser that went away', async () => {
    const { bus, address } = await liveApp();
    const stream = await openStream(address, asRole('caseworker'));
    await stream.readUntil(': connected');
    expect(bus.listenerCount()).toBe(1);
    stream.abort();
    await expect.poll(() => bus.listenerCount()).toBe(0);
  });
});
