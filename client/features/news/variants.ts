import type { NewsSummaryDTO } from '@shared/news/types';
import type { NewsVariant } from '@shared/news/schemas';

/** Variants in the order the picker shows them. */
export const variantOrder: NewsVariant[] = ['de', 'en', 'plain'];

/** The language (BCP 47) of a variant: plain language is German. */
export const variantLang = (v: NewsVariant): string => (v === 'en' ? 'en' : 'de');

/** Variants an article has. */
export const availableVariants = (a: Pick<NewsSummaryDTO, 'variants'>): NewsVariant[] =>
  variantOrder.filter((v) => Boolean(a.variants[v]));

/** The variant to show first: the UI language's when written, else German. */
export function defaultVariant(
  a: Pick<NewsSummaryDTO, 'variants'>,
  uiLang: string | undefined,
): NewsVariant {
  return uiLang?.startsWith('en') && a.variants.en ? 'en' : 'de';
}

/** Title in the reader's language (cards, announcements). */
export function summaryTitle(a: Pick<NewsSummaryDTO, 'variants'>, uiLang: string | undefined) {
  return a.variants[defaultVariant(a, uiLang)]?.title ?? a.variants.de.title;
}
