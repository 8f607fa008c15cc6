import type { ApiErrorBody, ErrorCode, FieldIssue } from '@shared/http/errors';

/** An API error with the server's code (translate with `errors.<code>`) and field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
    readonly correlationId?: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let csrfPromise: Promise<string> | null = null;

async function fetchCsrf(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, 'service_unavailable', 'CSRF token unavailable');
  const body = (await res.json()) as { token: string };
  csrfToken = body.token;
  return body.token;
}

/** One token fetch at a time; a failed fetch is not remembered, so the next request tries again. */
function pendingCsrf(): Promise<string> {
  csrfPromise ??= fetchCsrf().finally(() => {
    csrfPromise = null;
  });
  return csrfPromise;
}

/** Forget the token (after logout or login the session, and so the token, changes). */
export function resetCsrf(token: string | null = null): void {
  csrfToken = token;
  csrfPromise = null;
}

/** The CSRF token for requests made without `api()` (uploads with progress use XMLHttpRequest). */
export function currentCsrfToken(): Promise<string> {
  return csrfToken ? Promise.resolve(csrfToken) : pendingCsrf();
}

const unsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

type Json = Record<string, unknown> | unknown[] | string | number | boolean | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: Json | FormData;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

/** Calls the API: JSON in and out, CSRF header on unsafe methods, errors as ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const send = async (retry: boolean): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (unsafe(method)) {
      headers['X-CSRF-Token'] = csrfToken ?? (await pendingCsrf());
    }
    let body: BodyInit | undefined;
    if (opts.body instanceof FormData) body = opts.body;
    else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(url, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
    if (res.status === 204) return undefined as T;
    const isJson = res.headers.get('content-type')?.includes('application/json');
    const payload: unknown = isJson ? await res.json() : await res.text();
    if (res.ok) return payload as T;
    const err = (payload as Partial<ApiErrorBody>)?.error;
    // The session (and its CSRF token) may have rotated: fetch a fresh token once and retry.
    if (res.status === 403 && err?.code === 'csrf_invalid' && retry) {
      resetCsrf();
      return send(false);
    }
    throw new ApiError(
      res.status,
      err?.code ?? (res.status >= 500 ? 'internal' : 'bad_request'),
      err?.message ?? res.statusText,
      err?.details ?? [],
      err?.correlationId,
    );
  };
  return send(true);
}
