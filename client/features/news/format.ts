/** Date and size formatting in the reader's language. */

export const formatDate = (iso: string, lang: string | undefined) =>
  new Intl.DateTimeFormat(lang ?? 'de', { dateStyle: 'medium' }).format(new Date(iso));

export const formatDateTime = (iso: string, lang: string | undefined) =>
  new Intl.DateTimeFormat(lang ?? 'de', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

export function formatSize(bytes: number, lang: string | undefined): string {
  const nf = (n: number) =>
    new Intl.NumberFormat(lang ?? 'de', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${nf(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024)} KB`;
  return `${nf(bytes / 1024 / 1024)} MB`;
}
