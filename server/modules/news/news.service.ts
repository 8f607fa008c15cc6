import type { Request } from 'express';
import { Types } from 'mongoose';
import {
  createArticleSchema,
  updateArticleSchema,
  type CreateArticleInput,
  type UpdateArticleInput,
} from '@shared/news/schemas';
import type { NewsArticleDTO } from '@shared/news/types';
import type { FieldIssue } from '@shared/http/errors';
import type { CurrentUser } from '../auth/current-user';
import { badRequest, conflict } from '../../lib/errors';
import { deny } from '../audit/deny';
import { peopleFromDirectory } from '../people/directory-index';
import { orgSnapshot } from '../org/audience';
import { ArticleModel, type Article } from './article.model';
import { ArticleBodyModel } from './article-body.model';
import { channelById } from './channel.service';
import { loadReadableArticle, newsViewer } from './news.access';
import { canEditInChannel, type NewsViewer } from './news.policy';
import { presentArticle, presentContext } from './news.presenter';
import { articleById, noteArticleWritten } from './news.read-model';
import { inlineImageIds, sanitizeArticleHtml } from './news.sanitize';
import { resolveNewsFiles } from './news.files';
import {
  articleBody,
  articleLock,
  publishChange,
  rememberBody,
  withHistory,
  writeRevision,
} from './news.write';
import { readerState } from './reader-state';

type Fields = ReturnType<typeof createArticleSchema.parse>;

const issue = (path: string, code = 'unknown_reference'): FieldIssue => ({
  path,
  code,
  message: 'Unknown reference',
});

/** Checks references and turns validated input into stored fields (bodies sanitised). */
async function prepare(
  id: string,
  input: Omit<Fields, 'id'>,
  user: CurrentUser,
  previous: Article | null,
) {
  const issues: FieldIssue[] = [];
  const org = await orgSnapshot();
  input.audience.units.forEach((u, i) => {
    if (!org.units.has(u.unitId)) issues.push(issue(`audience.units.${i}.unitId`));
  });
  const plain = input.variants.plain;
  if (plain?.reviewedById && (await peopleFromDirectory([plain.reviewedById])).length === 0) {
    issues.push(issue('variants.plain.reviewedById'));
  }
  const html = {
    de: sanitizeArticleHtml(input.variants.de.body, id),
    en: input.variants.en ? sanitizeArticleHtml(input.variants.en.body, id) : null,
    plain: plain ? sanitizeArticleHtml(plain.body, id) : null,
  };
  const imageIds = [html.de, html.en ?? '', html.plain ?? ''].flatMap(inlineImageIds);
  const wanted = [
    ...new Set([...(input.cover ? [input.cover.fileId] : []), ...input.attachmentIds, ...imageIds]),
  ];
  const files = await resolveNewsFiles(id, wanted, user.id);
  if (input.cover && files.get(input.cover.fileId)?.kind !== 'image')
    issues.push(issue('cover.fileId'));
  input.attachmentIds.forEach((f, i) => {
    if (!files.has(f)) issues.push(issue(`attachmentIds.${i}`));
  });
  if (imageIds.some((f) => !files.has(f))) issues.push(issue('variants.de.body', 'unknown_image'));
  const deadline = input.mandatory ? new Date(input.mandatory.deadline) : null;
  const publishAt = input.publishAt ? new Date(input.publishAt) : null;
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= (publishAt ?? new Date()).getTime()) {
    issues.push({
      path: 'expiresAt',
      code: 'expires_before_publish',
      message: 'Expires before it is published',
    });
  }
  if (issues.length) throw badRequest('Invalid article', issues);

  const samePlainReviewer =
    previous?.variants.plain?.reviewedById &&
    plain?.reviewedById === String(previous.variants.plain.reviewedById);
  const coverFile = input.cover ? files.get(input.cover.fileId) : undefined;
  const fields = {
    channelId: new Types.ObjectId(input.channelId),
    variants: {
      de: { title: input.variants.de.title, teaser: input.variants.de.teaser },
      en: input.variants.en
        ? { title: input.variants.en.title, teaser: input.variants.en.teaser }
        : null,
      plain: plain
        ? {
            title: plain.title,
            teaser: plain.teaser,
            reviewedById: plain.reviewedById ? new Types.ObjectId(plain.reviewedById) : null,
            reviewedAt: plain.reviewedById
              ? samePlainReviewer
                ? (previous?.variants.plain?.reviewedAt ?? new Date())
                : new Date()
              : null,
          }
        : null,
    },
    cover:
      input.cover && coverFile
        ? {
            fileId: new Types.ObjectId(input.cover.fileId),
            alt: input.cover.alt,
            width: coverFile.width,
            height: coverFile.height,
          }
        : null,
    attachments: input.attachmentIds.map((f) => {
      const info = files.get(f);
      return {
        fileId: new Types.ObjectId(f),
        filename: info?.filename ?? '',
        contentType: info?.contentType ?? 'application/octet-stream',
        size: info?.size ?? 0,
      };
    }),
    audience: {
      units: input.audience.units.map((u) => ({ unitId: u.unitId, withSubunits: u.withSubunits })),
      roles: input.audience.roles,
      locationIds: input.audience.locationIds,
    },
    pinned: input.pinned,
    highlighted: input.highlighted,
    publishAt,
    expiresAt,
    allowComments: input.allowComments,
    allowReactions: input.allowReactions,
  };
  return { fields, html, deadline };
}

async function ensureCanWriteIn(
  user: CurrentUser,
  viewer: NewsViewer,
  channelId: string,
  req?: Request,
) {
  if (!(await channelById(channelId))) {
    throw badRequest('Unknown channel', [issue('channelId')]);
  }
  if (!canEditInChannel(viewer, channelId)) {
    throw await deny(user, 'news.write', { type: 'news_channel', id: channelId }, req);
  }
}

async function present(user: CurrentUser, viewer: NewsViewer, a: Article): Promise<NewsArticleDTO> {
  const [body, reader] = await Promise.all([articleBody(a), readerState(user.id)]);
  const ctx = await presentContext(viewer, [a], reader);
  return presentArticle(a, body, ctx);
}

/** Creates a draft. The id comes from the client: a retried create returns the stored article. */
export async function createArticle(
  user: CurrentUser,
  raw: CreateArticleInput,
  req?: Request,
): Promise<NewsArticleDTO> {
  const { id, ...input } = createArticleSchema.parse(raw);
  const viewer = await newsViewer(user);
  await ensureCanWriteIn(user, viewer, input.channelId, req);
  return articleLock(id, async () => {
    const existing = await articleById(id);
    if (existing) {
      if (String(existing.authorId) !== user.id) throw conflict('This id is taken.');
      return present(user, viewer, existing);
    }
    const { fields, html, deadline } = await prepare(id, input, user, null);
    const now = new Date();
    const doc: Omit<Article, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date } = {
      _id: new Types.ObjectId(id),
      ...fields,
      status: 'draft',
      authorId: new Types.ObjectId(user.id),
      unitId: user.unitId ? new Types.ObjectId(user.unitId) : null,
      mandatory: deadline ? { deadline, round: 1 } : null,
      publishedAt: null,
      rev: 1,
      history: withHistory(
        { history: [] },
        { rev: 1, at: now, byId: user.id, action: 'created', material: false, note: '' },
      ),
      approval: null,
      expiryAnnounced: false,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await ArticleModel.create(doc);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      // Created meanwhile (a retry that reached another instance): the same author gets it back.
      const stored = await ArticleModel.findOne({ _id: doc._id }).lean<Article>();
      if (!stored || String(stored.authorId) !== user.id) throw conflict('This id is taken.');
      await noteArticleWritten(id, stored);
      return present(user, viewer, stored);
    }
    await ArticleBodyModel.updateOne(
      { _id: doc._id },
      { $set: { ...html, rev: 1 } },
      { upsert: true },
    );
    const stored =
      (await ArticleModel.findOne({ _id: doc._id }).lean<Article>()) ?? (doc as Article);
    await noteArticleWritten(id, stored);
    rememberBody(id, stored.rev, html);
    await writeRevision(stored, html, 'created', user.id);
    publishChange('created', user.id, null, stored);
    return present(user, viewer, stored);
  });
}

/** Saves the whole editable state; 409 when someone saved after revision `rev`. */
export async function updateArticle(
  user: CurrentUser,
  id: string,
  raw: UpdateArticleInput,
  req?: Request,
): Promise<NewsArticleDTO> {
  const { rev, material, note, ...input } = updateArticleSchema.parse(raw);
  const { article: before, viewer } = await loadReadableArticle(user, id, req);
  if (!canEditInChannel(viewer, String(before.channelId))) {
    throw await deny(user, 'news.update', { type: 'news_article', id }, req);
  }
  if (input.channelId !== String(before.channelId))
    await ensureCanWriteIn(user, viewer, input.channelId, req);
  const { fields, html, deadline } = await prepare(id, input, user, before);
  return articleLock(id, async () => {
    const current = await articleById(id);
    if (!current || current.rev !== rev) throw conflict('The article was changed in the meantime.');
    // A material edit asks again; switching the requirement back on starts a fresh round too, so
    // confirmations of an earlier text never count for the new one.
    const round = current.mandatory
      ? current.mandatory.round + (material ? 1 : 0)
      : Math.max(current.lastRound ?? 0, 0) + 1;
    const mandatory = deadline ? { deadline, round } : null;
    // Readers are asked (again): on a material edit, or when the requirement is switched on.
    const newRound = Boolean(mandatory && (material || !current.mandatory));
    const now = new Date();
    const set = {
      ...fields,
      mandatory,
      lastRound: mandatory?.round ?? current.mandatory?.round ?? current.lastRound ?? 0,
      // A new expiry in the future is announced again when it comes (the scheduler skips announced ones).
      expiryAnnounced: Boolean(
        current.expiryAnnounced && fields.expiresAt && fields.expiresAt.getTime() <= now.getTime(),
      ),
      rev: rev + 1,
      history: withHistory(current, {
        rev: rev + 1,
        at: now,
        byId: user.id,
        action: 'updated',
        material: Boolean(material),
        note,
      }),
      updatedAt: now,
    };
    const res = await ArticleModel.updateOne(
      { _id: current._id, rev },
      { $set: set },
      { timestamps: false },
    );
    if (res.matchedCount !== 1) throw conflict('The article was changed in the meantime.');
    await ArticleBodyModel.updateOne(
      { _id: current._id },
      { $set: { ...html, rev: rev + 1 } },
      { upsert: true },
    );
    const after: Article = { ...current, ...set };
    await noteArticleWritten(id, after);
    rememberBody(id, after.rev, html);
    await writeRevision(after, html, 'updated', user.id);
    publishChange('updated', user.id, current, after, newRound);
    return present(user, viewer, after);
  });
}

export async function getArticle(
  user: CurrentUser,
  id: string,
  req?: Request,
): Promise<NewsArticleDTO> {
  const { article, viewer } = await loadReadableArticle(user, id, req);
  return present(user, viewer, article);
}
