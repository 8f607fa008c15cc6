import type {
  NewsArticleDTO,
  NewsHistoryEntryDTO,
  NewsImageDTO,
  NewsSummaryDTO,
  NewsVariantSummaryDTO,
} from '@shared/news/types';
import type { NewsVariant } from '@shared/news/schemas';
import type { Person } from '../people/person.model';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { orgSnapshot, type OrgSnapshot } from '../org/audience';
import type { Article } from './article.model';
import type { Channel } from './channel.model';
import { channelsById } from './channel.service';
import { articleStats, type ArticleStats } from './news.stats';
import type { ReaderState } from './reader-state';
import { canManageArticle, newsAbilities, type NewsViewer } from './news.policy';

export const fileUrl = (articleId: string, fileId: string) =>
  `/api/news/${articleId}/files/${fileId}`;

/** Everything presenting a batch of articles needs, loaded once per request. */
export interface PresentContext {
  viewer: NewsViewer;
  channels: Map<string, Channel>;
  people: Map<string, Person>;
  org: OrgSnapshot;
  stats: Map<string, ArticleStats>;
  /** The viewer's reading state; null when it must not be shown (e.g. "preview as"). */
  reader: ReaderState | null;
  now: Date;
}

export async function presentContext(
  viewer: NewsViewer,
  articles: Article[],
  reader: ReaderState | null,
): Promise<PresentContext> {
  const personIds = new Set<string>();
  for (const a of articles) {
    personIds.add(String(a.authorId));
    if (a.variants.plain?.reviewedById) personIds.add(String(a.variants.plain.reviewedById));
    if (canManageArticle(viewer, a))
      for (const h of a.history) if (h.byId) personIds.add(String(h.byId));
  }
  const [channels, people, org, stats] = await Promise.all([
    channelsById(),
    peopleFromDirectory([...personIds]),
    orgSnapshot(),
    articleStats(articles.map((a) => String(a._id))),
  ]);
  return {
    viewer,
    channels,
    people: new Map(people.map((p) => [String(p._id), p])),
    org,
    stats,
    reader,
    now: new Date(),
  };
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

function ref(ctx: PresentContext, id: unknown) {
  const p = id ? ctx.people.get(String(id)) : undefined;
  return p ? presentPersonRef(p) : null;
}

export function presentSummary(a: Article, ctx: PresentContext): NewsSummaryDTO {
  const id = String(a._id);
  const channel = ctx.channels.get(String(a.channelId)) ?? null;
  const manage = canManageArticle(ctx.viewer, a);
  const variants: NewsSummaryDTO['variants'] = {
    de: { title: a.variants.de.title, teaser: a.variants.de.teaser },
  };
  for (const v of ['en', 'plain'] as const) {
    const meta = a.variants[v];
    if (meta) variants[v] = { title: meta.title, teaser: meta.teaser } as NewsVariantSummaryDTO;
  }
  const plain = a.variants.plain;
  const unit = a.unitId ? ctx.org.units.get(String(a.unitId)) : undefined;
  const stats = ctx.stats.get(id);
  const ack = ctx.reader?.acks.get(id);
  const cover: NewsImageDTO | null = a.cover
    ? {
        fileId: String(a.cover.fileId),
        url: fileUrl(id, String(a.cover.fileId)),
        alt: a.cover.alt,
        width: a.cover.width ?? null,
        height: a.cover.height ?? null,
      }
    : null;
  return {
    id,
    channel: {
      id: String(a.channelId),
      name: channel ? { de: channel.name.de, en: channel.name.en } : { de: '', en: '' },
    },
    status: a.status,
    variants,
    plainReview: plain
      ? { reviewedBy: ref(ctx, plain.reviewedById), reviewedAt: iso(plain.reviewedAt) }
      : null,
    cover,
    author: ref(ctx, a.authorId),
    unit: unit ? { id: unit.id, name: unit.name } : null,
    publishedAt: iso(a.publishedAt),
    publishAt: iso(a.publishAt),
    expiresAt: iso(a.expiresAt),
    updatedAt: iso(a.updatedAt) ?? new Date(0).toISOString(),
    pinned: a.pinned,
    highlighted: a.highlighted,
    mandatory: a.mandatory
      ? { deadline: new Date(a.mandatory.deadline).toISOString(), round: a.mandatory.round }
      : null,
    allowComments: a.allowComments,
    allowReactions: a.allowReactions,
    commentCount: stats?.comments ?? 0,
    reactions: { ...(stats?.reactions ?? {}) },
    rev: a.rev,
    audience: manage
      ? {
          units: a.audience.units.map((u) => ({
            unitId: String(u.unitId),
            withSubunits: Boolean(u.withSubunits),
          })),
          roles: [...a.audience.roles],
          locationIds: a.audience.locationIds.map(String),
        }
      : null,
    viewer: {
      read: ctx.reader?.read.has(id) ?? false,
      acknowledgedAt:
        ack && a.mandatory && ack.round === a.mandatory.round ? ack.at.toISOString() : null,
      reaction: ctx.reader?.reactions.get(id) ?? null,
    },
    abilities: newsAbilities(ctx.viewer, a, channel, ctx.reader, ctx.now),
  };
}

export function presentHistory(a: Article, ctx: PresentContext): NewsHistoryEntryDTO[] {
  return [...a.history].reverse().map((h) => ({
    rev: h.rev,
    at: new Date(h.at).toISOString(),
    by: ref(ctx, h.byId),
    action: h.action,
    material: Boolean(h.material),
    note: h.note ?? '',
  }));
}

export function presentArticle(
  a: Article,
  bodies: Partial<Record<NewsVariant, string | null>>,
  ctx: PresentContext,
): NewsArticleDTO {
  const summary = presentSummary(a, ctx);
  const id = String(a._id);
  const out: NewsArticleDTO['bodies'] = { de: bodies.de ?? '' };
  if (a.variants.en) out.en = bodies.en ?? '';
  if (a.variants.plain) out.plain = bodies.plain ?? '';
  return {
    ...summary,
    bodies: out,
    attachments: a.attachments.map((f) => ({
      fileId: String(f.fileId),
      url: fileUrl(id, String(f.fileId)),
      filename: f.filename,
      contentType: f.contentType,
      size: f.size,
    })),
    history: summary.abilities.viewHistory ? presentHistory(a, ctx) : [],
  };
}
