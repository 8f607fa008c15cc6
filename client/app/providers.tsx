import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';
import { queryClient } from '../lib/queryClient';

const ariaLocales: Record<string, string> = { de: 'de-DE', en: 'en-GB' };

/** App-wide providers that do not need the router. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'de';
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={ariaLocales[lang] ?? lang}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
