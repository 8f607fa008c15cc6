import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, resetCsrf } from '../../lib/api';
import { uploadChatFile } from './upload';

/** A scripted XMLHttpRequest: each instance answers with the next response. */
class FakeXhr {
  static responses: { status: number; body: unknown }[] = [];
  static sent: FakeXhr[] = [];
  headers: Record<string, string> = {};
  url = '';
  status = 0;
  statusText = '';
  responseText = '';
  withCredentials = false;
  body: FormData | null = null;
  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
    const next = FakeXhr.responses.shift()!;
    queueMicrotask(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
      this.status = next.status;
      this.responseText = JSON.stringify(next.body);
      this.onload?.();
    });
  }
  abort() {
    this.onabort?.();
  }
}

describe('uploadChatFile', () => {
  let tokens: string[];
  beforeEach(() => {
    FakeXhr.responses = [];
    FakeXhr.sent = [];
    tokens = ['t1', 't2'];
    resetCsrf();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ token: tokens.shift() }), { status: 200 })),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    resetCsrf();
  });

  const file = () => new File(['hello'], 'a b.txt', { type: 'text/plain' });

  it('posts the file with the CSRF header and reports progress', async () => {
    const data = { id: 'f1', name: 'a b.txt', size: 5, contentType: 'text/plain', image: null };
    FakeXhr.responses.push({ status: 201, body: { data } });
    const progress: number[] = [];
    await expect(uploadChatFile('c/1', file(), (p) => progress.push(p))).resolves.toEqual(data);
    const xhr = FakeXhr.sent[0]!;
    expect(xhr.url).toBe('/api/conversations/c%2F1/files');
    expect(xhr.headers['X-CSRF-Token']).toBe('t1');
    expect((xhr.body!.get('file') as File).name).toBe('a b.txt');
    expect(progress).toEqual([0.5, 1]);
  });

  it('retries once with a fresh token after csrf_invalid', async () => {
    FakeXhr.responses.push(
      { status: 403, body: { error: { code: 'csrf_invalid', message: 'x' } } },
      { status: 201, body: { data: { id: 'f2' } } },
    );
    await expect(uploadChatFile('c1', file(), () => {})).resolves.toMatchObject({ id: 'f2' });
    expect(FakeXhr.sent.map((x) => x.headers['X-CSRF-Token'])).toEqual(['t1', 't2']);
  });

  it('errors arrive as ApiError with the server code', async () => {
    FakeXhr.responses.push({
      status: 413,
      body: { error: { code: 'payload_too_large', message: 'big', correlationId: 'k1' } },
    });
    const error = await uploadChatFile('c1', file(), () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large', correlationId: 'k1' });
  });

  it('an aborted signal rejects with AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    FakeXhr.responses.push({ status: 201, body: { data: {} } });
    await expect(uploadChatFile('c1', file(), () => {}, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
