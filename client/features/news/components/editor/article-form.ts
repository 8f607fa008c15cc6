import type { CreateArticleInput, NewsVariant } from '@shared/news/schemas';
import type { NewsArticleDTO, NewsAttachmentDTO } from '@shared/news/types';
import type { PersonRef } from '@shared/people/types';
import { everyone, type Audience } from '@shared/org/audience';

/** One language version as the form holds it. */
export interface VariantDraft {
  title: string;
  teaser: string;
  body: string;
}

export interface CoverDraft {
  fileId: string;
  url: string;
  alt: string;
}

/** The editor's working copy. Dates are `datetime-local` strings (local time, '' = none). */
export interface ArticleDraft {
  channelId: string | null;
  variants: Record<NewsVariant, VariantDraft>;
  plainReviewedBy: PersonRef | null;
  cover: CoverDraft | null;
  attachments: NewsAttachmentDTO[];
  audience: Audience;
  pinned: boolean;
  highlighted: boolean;
  allowComments: boolean;
  allowReactions: boolean;
  mandatory: boolean;
  deadline: string;
  publishAt: string;
  expiresAt: string;
}

const emptyVariant = (): VariantDraft => ({ title: '', teaser: '', body: '' });

export function emptyDraft(channelId: string | null = null): ArticleDraft {
  return {
    channelId,
    variants: { de: emptyVariant(), en: emptyVariant(), plain: emptyVariant() },
    plainReviewedBy: null,
    cover: null,
    attachments: [],
    audience: { ...everyone },
    pinned: false,
    highlighted: false,
    allowComments: true,
    allowReactions: true,
    mandatory: false,
    deadline: '',
    publishAt: '',
    expiresAt: '',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → `YYYY-MM-DDTHH:mm` in local time (what `<input type="datetime-local">` takes). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `datetime-local` value → ISO instant (null when empty or invalid). */
export function fromLocalInput(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** TipTap's empty document is `<p></p>`: treat bodies without text or images as empty. */
export function isEmptyHtml(html: string): boolean {
  if (/<img\b/i.test(html) || /<hr\b/i.test(html)) return false;
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .trim() === ''
  );
}

const variantUsed = (v: VariantDraft) =>
  v.title.trim() !== '' || v.teaser.trim() !== '' || !isEmptyHtml(v.body);

export function draftFromArticle(a: NewsArticleDTO): ArticleDraft {
  const variant = (k: NewsVariant): VariantDraft => ({
    title: a.variants[k]?.title ?? '',
    teaser: a.variants[k]?.teaser ?? '',
    body: a.bodies[k] ?? '',
  });
  return {
    channelId: a.channel.id,
    variants: { de: variant('de'), en: variant('en'), plain: variant('plain') },
    plainReviewedBy: a.plainReview?.reviewedBy ?? null,
    cover: a.cover ? { fileId: a.cover.fileId, url: a.cover.url, alt: a.cover.alt } : null,
    attachments: a.attachments,
    audience: a.audience ?? { ...everyone },
    pinned: a.pinned,
    highlighted: a.highlighted,
    allowComments: a.allowComments,
    allowReactions: a.allowReactions,
    mandatory: a.mandatory !== null,
    deadline: toLocalInput(a.mandatory?.deadline ?? null),
    publishAt: toLocalInput(a.publishAt),
    expiresAt: toLocalInput(a.expiresAt),
  };
}

/** Problems the form can see before saving: keys under `editor.invalid.*`, by field. */
export type DraftIssues = Partial<
  Record<
    'channel' | 'title.de' | 'title.en' | 'title.plain' | 'cover' | 'deadline' | 'expiresAt',
    string
  >
>;

export function validateDraft(d: ArticleDraft): DraftIssues {
  const issues: DraftIssues = {};
  if (!d.channelId) issues.channel = 'channel';
  if (!d.variants.de.title.trim()) issues['title.de'] = 'title';
  if (variantUsed(d.variants.en) && !d.variants.en.title.trim()) issues['title.en'] = 'title';
  if (variantUsed(d.variants.plain) && !d.variants.plain.title.trim())
    issues['title.plain'] = 'title';
  if (d.cover && !d.cover.alt.trim()) issues.cover = 'alt';
  if (d.mandatory && !fromLocalInput(d.deadline)) issues.deadline = 'deadline';
  const publish = fromLocalInput(d.publishAt);
  const expires = fromLocalInput(d.expiresAt);
  if (expires && publish && expires <= publish) issues.expiresAt = 'expiresBeforePublish';
  return issues;
}

/** The editable fields as the API takes them (create adds `id`, update adds `rev` and more). */
export function draftToFields(d: ArticleDraft): Omit<CreateArticleInput, 'id'> {
  const v = (k: 'en' | 'plain') => d.variants[k];
  const trimmed = (x: VariantDraft) => ({
    title: x.title.trim(),
    teaser: x.teaser.trim(),
    body: isEmptyHtml(x.body) ? '' : x.body,
  });
  const deadline = fromLocalInput(d.deadline);
  return {
    channelId: d.channelId ?? '',
    variants: {
      de: trimmed(d.variants.de),
      en: variantUsed(v('en')) ? trimmed(v('en')) : null,
      plain: variantUsed(v('plain'))
        ? { ...trimmed(v('plain')), reviewedById: d.plainReviewedBy?.id ?? null }
        : null,
    },
    cover: d.cover ? { fileId: d.cover.fileId, alt: d.cover.alt.trim() } : null,
    attachmentIds: d.attachments.map((a) => a.fileId),
    audience: d.audience,
    pinned: d.pinned,
    highlighted: d.highlighted,
    mandatory: d.mandatory && deadline ? { deadline } : null,
    publishAt: fromLocalInput(d.publishAt),
    expiresAt: fromLocalInput(d.expiresAt),
    allowComments: d.allowComments,
    allowReactions: d.allowReactions,
  };
}

/** Whether two drafts would save the same thing (for the unsaved-changes warning). */
export function sameDraft(a: ArticleDraft, b: ArticleDraft): boolean {
  return JSON.stringify(draftToFields(a)) === JSON.stringify(draftToFields(b));
}

/** A variant that has content (tabs mark these). */
export const hasVariant = (d: ArticleDraft, k: NewsVariant) => variantUsed(d.variants[k]);
