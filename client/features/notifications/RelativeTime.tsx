import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The current time, refreshed every minute so relative times stay right. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

/** "vor 5 Minuten" / "5 minutes ago", with the exact time in `<time dateTime>` and title. */
export function RelativeTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const now = useNow();
  const lang = i18n.resolvedLanguage ?? 'de';
  const date = new Date(iso);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  let text: string;
  if (abs < 60) text = rtf.format(0, 'second');
  else if (abs < 3600) text = rtf.format(Math.round(seconds / 60), 'minute');
  else if (abs < 86_400) text = rtf.format(Math.round(seconds / 3600), 'hour');
  else if (abs < 7 * 86_400) text = rtf.format(Math.round(seconds / 86_400), 'day');
  else text = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
  const full = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' }).format(
    date,
  );
  return (
    <time dateTime={iso} title={full}>
      {text}
    </time>
  );
}
