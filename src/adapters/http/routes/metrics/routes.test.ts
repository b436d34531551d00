import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { metricsRoutes } from './routes.ts';

describe('GET /metrics', () => {
  it('counts requests by route template and status, and exports the gauges given', async () => {
    const app = Fastify({ logger: false });
    await app.register(metricsRoutes, {
      gauges: [{ name: 'cordon_screening_index_records', help: 'Records.', value: () => 23_674 }],
    });
    app.get('/v1/cases/:id', () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/v1/cases/abc' });
    await app.inject({ method: 'GET', url: '/v1/cases/def' });
    await app.inject({ method: 'GET', url: '/nowhere' });

    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toContain(
      'cordon_http_requests_total{method="GET",route="/v1/cases/:id",status="200"} 2',
    );
    expect(text).toContain(
      'cordon_http_requests_total{method="GET",route="unmatched",status="404"} 1',
    );
    expect(text).toContain(
      'cordon_http_request_duration_seconds_bucket{method="GET",route="/v1/cases/:id",status="200",le="+Inf"} 2',
    );
    expect(text).toContain('cordon_screening_index_records 23674');
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).not.toContain('/v1/cases/abc');
    await app.close();
  });
});
