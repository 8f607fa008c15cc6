import type { Audience } from '@shared/org/audience';
import type { CompletionRule, CourseUpdateInput } from '@shared/learning/schemas';
import type { CourseDTO } from '@shared/learning/types';
import type { PersonRef } from '@shared/people/types';

/** The "Angaben" form: text inputs stay strings until saved (an empty duration = none). */
export interface MetaForm {
  title: string;
  summary: string;
  description: string;
  categoryId: string | null;
  tags: string;
  language: 'de' | 'en';
  estimatedMinutes: string;
  completion: CompletionRule;
  costEuro: string;
  hrConfirmationAlways: boolean;
  audience: Audience;
  trainers: PersonRef[];
}

/** "1.250,5" / "1250.50" / "12" → cents; null when it is not an amount. */
export function euroToCents(input: string): number | null {
  const v = input.trim().replace(/\s|€/g, '');
  if (v === '') return 0;
  // German style: dots group thousands, the comma is the decimal mark.
  const normal = v.includes(',') ? v.replace(/\./g, '').replace(',', '.') : v;
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  return Math.round(Number(normal) * 100);
}

export const centsToEuro = (cents: number, lang: string) =>
  cents === 0
    ? ''
    : (cents / 100).toLocaleString(lang.startsWith('en') ? 'en-GB' : 'de-DE', {
        minimumFractionDigits: cents % 100 ? 2 : 0,
        useGrouping: false,
      });

export const parseTags = (tags: string) => [
  ...new Set(
    tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

export function formFromCourse(c: CourseDTO, lang: string): MetaForm {
  return {
    title: c.title,
    summary: c.summary,
    description: c.description,
    categoryId: c.category?.id ?? null,
    tags: c.tags.join(', '),
    language: c.language,
    estimatedMinutes: c.estimatedMinutes === null ? '' : String(c.estimatedMinutes),
    completion: c.completion,
    costEuro: centsToEuro(c.costCents, lang),
    hrConfirmationAlways: c.hrConfirmationAlways,
    audience: c.audience,
    trainers: c.trainers,
  };
}

/** The PATCH body; audience and trainers only for those who may change them (HR). */
export function updateFromForm(f: MetaForm, rev: number, administer: boolean): CourseUpdateInput {
  const minutes = f.estimatedMinutes.trim();
  const input: CourseUpdateInput = {
    rev,
    title: f.title,
    summary: f.summary,
    description: f.description,
    categoryId: f.categoryId,
    tags: parseTags(f.tags),
    language: f.language,
    estimatedMinutes: minutes === '' ? null : Number(minutes),
    completion: f.completion,
    costCents: euroToCents(f.costEuro) ?? -1,
    hrConfirmationAlways: f.hrConfirmationAlways,
  };
  if (administer) {
    input.audience = f.audience;
    input.trainerIds = f.trainers.map((p) => p.id);
  }
  return input;
}

/** Compares forms by what would be saved. */
export const metaKey = (f: MetaForm) => JSON.stringify(updateFromForm(f, 0, true));
