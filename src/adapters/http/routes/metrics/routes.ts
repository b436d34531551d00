import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { createHttpMetrics, type GaugeSource } from './http-metrics.ts';

/** What `/metrics` exports beyond HTTP and process figures. */
export interface MetricsRouteDeps {
  readonly gauges: readonly GaugeSource[];
}

/**
 * `GET /metrics` in the Prometheus text format: requests and their durations by route template
 * and status, process memory and CPU, event-loop delay, and the gauges given (the screening index
 * size). Public: it carries counts only, never names, parties or people; a deployment that wants
 * it private blocks the path at its proxy (docs/deploy.md). Registered without encapsulation so
 * that its hook sees every route.
 */
const metricsPlugin: FastifyPluginAsync<MetricsRouteDeps> = (app, deps) => {
  const metrics = createHttpMetrics();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route !== '/metrics') {
      metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    }
    done();
  });
  app.addHook('onClose', (_app, done) => {
    metrics.close();
    done();
  });
  app.get(
    '/metrics',
    {
      config: {
        access: {
          public: true,
          reason:
            'Aggregate counts for monitoring; no names, parties or people. Block at the proxy to keep it private.',
        },
      },
      schema: {
        tags: ['operations'],
        summary: 'Metrics in the Prometheus text format',
        produces: ['text/plain'],
      },
    },
    (_request, reply) =>
      reply
        .header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(metrics.render(deps.gauges)),
  );
  return Promise.resolve();
};

export const metricsRoutes = fp(metricsPlugin, { name: 'cordon-metrics' });
