import { z } from 'zod';
import type { Response } from 'express';
import type { JSONContent } from '@tiptap/core';
import { objectId } from '@shared/http/fields';
import {
  diffQuerySchema,
  pageId,
  revisionCreateSchema,
  revisionListQuerySchema,
} from '@shared/wiki/schemas';
import type { DiffDTO, RevisionDetailDTO } from '@shared/wiki/types';
import { toMarkdown } from '@shared/wiki/markdown';
import { forbidden, notFound } from '../../../lib/errors';
import { decodeCursor, encodeCursor } from '../../../lib/pagination';
import { defineRoute, type RouteDef } from '../../../lib/route';
import type { CurrentUser } from '../../auth/current-user';
import { audit } from '../../audit/audit.service';
import { requirePage, type PageAccess } from '../access';
import { historyAbilities, exportsDraft } from './content.policy';
import { getPageBody, pageContentJSON, storedBody } from './content.service';
import { diffDocs } from './diff';
import { metaOf, presentRevisions } from './revision.presenter';
import {
  createRevision,
  findRevision,
  restoreRevision,
  revisionJSON,
  revisionList,
} from './revision.service';
import { EMPTY_DOC } from './snapshot';

const tag = 'wiki';
const base = '/api/wiki/pages/:pageId';
const pageParams = z.object({ pageId });
const revisionParams = z.object({ pageId, revisionId: objectId });
const PAGE_SIZE = 50;
const norm = (id: string) => id.toLowerCase();

/** The page, readable, with its history readable (404 / 403 otherwise). */
async function historyAccess(user: CurrentUser, id: string): Promise<PageAccess> {
  const access = await requirePage(user, norm(id), 'read');
  if (!historyAbilities(access.abilities, access.space.approvalRequired).read) throw forbidden();
  return access;
}

async function revisionOr404(pageIdValue: string, revisionId: string) {
  const rev = await findRevision(pageIdValue, revisionId.toLowerCase());
  if (!rev) throw notFound();
  return rev;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const disposition = (title: string, ext: string) => {
  const ascii =
    title
      .replace(/[^\w .-]+/g, '_')
      .trim()
      .slice(0, 80) || 'seite';
  return `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(title.slice(0, 80) || 'seite')}.${ext}`;
};

/** The version an export shows, as sanitised HTML and as JSON. */
async function exportVersion(access: PageAccess): Promise<{ html: string; json: JSONContent }> {
  const draft = exportsDraft(access.abilities);
  const stored = await storedBody(access.page.id);
  const snap = draft ? stored?.draft : stored?.published;
  if (snap)
    return {
      html: snap.html,
      json: snap.json ? (JSON.parse(snap.json) as JSONContent) : EMPTY_DOC,
    };
  if (!draft) return { html: '', json: EMPTY_DOC };
  const body = await getPageBody(access.page.id);
  return { html: body.draft?.html ?? '', json: await pageContentJSON(access.page.id) };
}

function exportHeaders(res: Response, type: string, title: string, ext: string) {
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Content-Disposition', disposition(title, ext));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
  );
  res.setHeader('Cache-Control', 'private, no-store');
}

const EXPORT_STYLE =
  'body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:2rem auto;padding:0 1rem}' +
  'table{border-collapse:collapse}th,td{border:1px solid #999;padding:.25rem .5rem}' +
  'pre{background:#f4f4f4;padding:.5rem;overflow:auto}[data-callout]{border-left:4px solid #36c;padding:.25rem 1rem;margin:1rem 0}' +
  'img{max-width:100%}';

/** History, versions, diff and export of a page's content. */
export const wikiContentRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/revisions`,
    tag,
    summary: 'Versions of a page, newest first (readers; with approval on only editors)',
    access: 'user',
    params: pageParams,
    query: revisionListQuerySchema,
    handler: async ({ user, params, query }) => {
      const access = await historyAccess(user, params.pageId);
      const all = await revisionList(access.page.id);
      const after = decodeCursor(query.cursor);
      const start = after ? all.findIndex((r) => r.id === String(after)) + 1 : 0;
      const slice = all.slice(start, start + PAGE_SIZE);
      const more = start + PAGE_SIZE < all.length;
      const last = slice.at(-1);
      return {
        data: await presentRevisions(access.page.id, slice),
        nextCursor: more && last ? encodeCursor(last.id) : null,
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/revisions`,
    tag,
    summary: 'Save the current content as a version ("Version speichern"; editors)',
    access: 'user',
    params: pageParams,
    body: revisionCreateSchema,
    handler: async ({ user, params, body, res }) => {
      const access = await requirePage(user, norm(params.pageId), 'edit');
      const meta = await createRevision(access.page.id, 'manual', user.id, {
        force: true,
        note: body.note ?? null,
      });
      if (!meta) throw notFound();
      res.status(201);
      const [dto] = await presentRevisions(access.page.id, [meta]);
      return { data: dto };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/revisions/:revisionId`,
    tag,
    summary: 'One version with its sanitised HTML',
    access: 'user',
    params: revisionParams,
    handler: async ({ user, params }) => {
      const access = await historyAccess(user, params.pageId);
      const rev = await revisionOr404(access.page.id, params.revisionId);
      const [dto] = await presentRevisions(access.page.id, [metaOf(rev)]);
      const data: RevisionDetailDTO = { ...dto!, html: rev.html };
      return { data };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/revisions/:revisionId/restore`,
    tag,
    summary:
      'Put a version back into the live document (editors see it at once); keeps a restore version',
    access: 'user',
    params: revisionParams,
    handler: async ({ user, params, req }) => {
      const access = await requirePage(user, norm(params.pageId), 'edit');
      const rev = await revisionOr404(access.page.id, params.revisionId);
      const meta = await restoreRevision(access.page.id, rev, user.id);
      await audit({
        action: 'wiki.revision_restored',
        actorId: user.id,
        subjectType: 'wiki_page',
        subjectId: access.page.id,
        detail: { revisionId: String(rev._id), number: rev.number },
        req,
      });
      const [dto] = meta ? await presentRevisions(access.page.id, [meta]) : [];
      return { data: dto ?? null };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/diff`,
    tag,
    summary: 'A readable diff between two versions (blocks aligned, word parts)',
    access: 'user',
    params: pageParams,
    query: diffQuerySchema,
    handler: async ({ user, params, query }) => {
      const access = await historyAccess(user, params.pageId);
      const [from, to] = await Promise.all([
        revisionOr404(access.page.id, query.from),
        revisionOr404(access.page.id, query.to),
      ]);
      const [fromDto, toDto] = await presentRevisions(access.page.id, [metaOf(from), metaOf(to)]);
      const data: DiffDTO = {
        from: fromDto!,
        to: toDto!,
        blocks: diffDocs(revisionJSON(from), revisionJSON(to)),
        titleChanged: from.title !== to.title ? { from: from.title, to: to.title } : null,
      };
      return { data };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/export.html`,
    tag,
    summary: 'The page as a standalone sanitised HTML file (download)',
    access: 'user',
    raw: true,
    params: pageParams,
    handler: async ({ user, params, res }) => {
      const access = await requirePage(user, norm(params.pageId), 'read');
      const { html } = await exportVersion(access);
      const title = escapeHtml(access.page.title);
      exportHeaders(res, 'text/html', access.page.title, 'html');
      res.end(
        `<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>${title}</title>` +
          `<style>${EXPORT_STYLE}</style></head><body><article><h1>${title}</h1>\n${html}\n</article></body></html>\n`,
      );
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/export.md`,
    tag,
    summary: 'The page as Markdown (download)',
    access: 'user',
    raw: true,
    params: pageParams,
    handler: async ({ user, params, res }) => {
      const access = await requirePage(user, norm(params.pageId), 'read');
      const { json } = await exportVersion(access);
      exportHeaders(res, 'text/markdown', access.page.title, 'md');
      res.end(toMarkdown(json, access.page.title));
      return undefined;
    },
  }),
];
