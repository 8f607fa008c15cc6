import { describe, it, expect, vi, afterEach } from 'vitest';
import { api, resetCsrf } from './api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  resetCsrf();
});

describe('api()', () => {
  it('retries the CSRF token after a failed fetch instead of failing every later write', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(json(503, { error: { code: 'service_unavailable', message: 'down' } }))
      .mockResolvedValueOnce(json(200, { token: 't1' }))
      .mockResolvedValueOnce(json(200, { data: { ok: true } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api('/api/x', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 503,
    });
    await expect(api('/api/x', { method: 'POST', body: {} })).resolves.toEqual({
      data: { ok: true },
    });
    const [, init] = fetchMock.mock.calls[2] as [URL, RequestInit];
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('t1');
  });

  it('translates an error body into an ApiError with code and field issues', async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockResolvedValue(
          json(400, {
            error: {
              code: 'validation_failed',
              message: 'bad',
              details: [{ path: 'q', code: 'too_big', message: 'x' }],
            },
          }),
        ),
    );
    await expect(api('/api/people')).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      details: [{ path: 'q', code: 'too_big' }],
    });
  });
});
