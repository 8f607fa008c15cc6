/**
 * Only same-site relative paths: blocks open redirects (`//evil.example`, `https://…`, `/\…`).
 * Kept free of zod so the client's initial bundle can use it cheaply.
 */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  // eslint-disable-next-line no-control-regex -- control characters never belong in a path
  if (/[\u0000-\u001f]/.test(value)) return '/';
  return value;
}
