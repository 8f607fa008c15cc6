import { describe, it, expect, beforeAll } from 'vitest';
import express, { type Express } from 'express';
import request from 'supertest';
import { useTestDatabase } from '../../test/db';
import { makeTestApp } from '../../test/app';
import { httpMetrics, registerGauge } from './metrics';

useTestDatabase();
let app: Express;
const TOKEN = 'metrics-token-0123456789abcdef';

beforeAll(() => {
  app = makeTestApp();
});

const scrape = async (a: Express = app) => {
  const res = await request(a).get('/metrics').expect(200);
  return res.text;
};

describe('GET /metrics', () => {
  it('serves Prometheus text to a direct loopback client', async () => {
    await request(app).get('/healthz').expect(200);
    await request(app).get('/api/me').expect(401);
    const res = await request(app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^# TYPE http_requests_total counter$/m);
    expect(res.text).toMatch(
      /^http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+$/m,
    );
    expect(res.text).toMatch(
      /^http_requests_total\{method="GET",route="\/api\/me",status="401"\} \d+$/m,
    );
    expect(res.text).toMatch(
      /^http_request_duration_seconds_bucket\{method="GET",route="\/healthz",le="\+Inf"\} \d+$/m,
    );
    expect(res.text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(res.text).toMatch(/^nodejs_heap_size_used_bytes \d+$/m);
    expect(res.text).toMatch(/^nodejs_eventloop_delay_seconds\{quantile="0\.99"\} [\d.e+-]+$/m);
  });

  it('counts requests by route pattern, not by raw URL (bounded label values)', async () => {
    const mini = express();
    mini.use(httpMetrics());
    mini.get('/things/:id', (_req, res) => {
      res.json({});
    });
    await request(mini).get('/things/4711').expect(200);
    await request(mini).get('/nowhere/4712').expect(404);
    const text = await scrape();
    expect(text).toMatch(/route="\/things\/:id",status="200"/);
    expect(text).toMatch(/route="unmatched",status="404"/);
    expect(text).not.toMatch(/4711|4712/);
  });

  it('reports gauges registered by other parts (socket connections)', async () => {
    let sockets = 3;
    const unregister = registerGauge('portal_socket_connections', 'Open sockets.', () => sockets);
    expect(await scrape()).toMatch(/^portal_socket_connections 3$/m);
    sockets = 5;
    expect(await scrape()).toMatch(/^portal_socket_connections 5$/m);
    unregister();
    expect(await scrape()).not.toMatch(/portal_socket_connections/);
  });

  it('refuses requests relayed by a proxy when no token is configured', async () => {
    const res = await request(app)
      .get('/metrics')
      .set('X-Forwarded-For', '203.0.113.9')
      .expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.text).not.toMatch(/http_requests_total/);
  });

  it('accepts the METRICS_TOKEN bearer and refuses a wrong one', async () => {
    const withToken = makeTestApp({ METRICS_TOKEN: TOKEN });
    await request(withToken)
      .get('/metrics')
      .set('X-Forwarded-For', '203.0.113.9')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    await request(withToken)
      .get('/metrics')
      .set('Authorization', 'Bearer wrong-token-wrong-token')
      .expect(403);
    await request(withToken).get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(403);
  });
});
