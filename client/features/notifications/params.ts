/** A calendar day as the server sends it in notification params (leave: `from`, `to`, `until`). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const formats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(lang: string): Intl.DateTimeFormat {
  let f = formats.get(lang);
  if (!f) {
    // UTC: a calendar day must not move with the reader's time zone.
    f = new Intl.DateTimeFormat(lang, {
      timeZone: 'UTC',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    formats.set(lang, f);
  }
  return f;
}

/**
 * Params for the text of a notification in the reader's language: calendar days
 * (`YYYY-MM-DD`) become "14.08.2026" / "08/14/2026"; everything else stays as sent.
 */
export function localizeParams(
  params: Record<string, string | number>,
  lang: string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    const day =
      typeof value === 'string' && ISO_DAY.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    out[key] = day && !Number.isNaN(day.getTime()) ? dayFormat(lang).format(day) : value;
  }
  return out;
}
