import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as apiLib from '../../../lib/api';
import { uploadRoomFile } from './api';

vi.mock('../../../lib/api', async (importActual) => ({
  ...(await importActual<typeof apiLib>()),
  currentCsrfToken: () => Promise.resolve('token'),
}));

/** A stand-in XMLHttpRequest: the first send loses the connection, later ones answer 201. */
const sent: FormData[] = [];
class FakeXhr {
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  withCredentials = false;
  open() {}
  setRequestHeader() {}
  send(form: FormData) {
    sent.push(form);
    queueMicrotask(() => {
      if (sent.length === 1) return this.onerror?.();
      this.status = 201;
      this.responseText = JSON.stringify({ data: { id: 'f1' } });
      this.onload?.();
    });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

describe('uploadRoomFile', () => {
  it('retries a lost connection once with the same uploadId', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });
    const stored = await uploadRoomFile('r1', file, { folderId: null }, () => undefined);
    expect(stored).toEqual({ id: 'f1' });
    expect(sent).toHaveLength(2);
    const ids = sent.map((f) => f.get('uploadId'));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
  });
});
