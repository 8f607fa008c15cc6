import type { Request } from 'express';
import type { DefaultLayoutDTO, HomeBoardDTO } from '@shared/home/types';
import {
  defaultLayoutInputSchema,
  type DefaultLayoutInput,
  type DefaultLayoutPatch,
  type SaveLayoutInput,
} from '@shared/home/schemas';
import type { CurrentUser } from '../auth/current-user';
import { conflict, forbidden, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { audit } from '../audit/audit.service';
import { lazySubject, type SubjectSource } from '../apps/apps.service';
import { HomeDefaultModel } from './home-default.model';
import { HomeLayoutModel } from './home-layout.model';
import {
  byPriority,
  canManageDefaults,
  homeAbilities,
  isStale,
  needsSubject,
  resolveLayout,
} from './home.policy';
import { presentDefaultLayout } from './home.presenter';
import {
  cleanWidgets,
  defaultLayouts,
  defaultsChanged,
  layoutCache,
  type PersonalLayout,
} from './home.store';
import { newsViewer } from '../news/news.access';
import { loadBoardData } from './widget-data';

async function layoutFor(user: CurrentUser, subject: SubjectSource) {
  const [personal, defaults] = await Promise.all([layoutCache.get(user.id), defaultLayouts()]);
  const s = !personal && needsSubject(defaults) ? await subject() : null;
  return resolveLayout(personal, defaults, s);
}

/** `GET /api/home`: the layout and every widget's data in one round trip. */
export async function getBoard(user: CurrentUser): Promise<HomeBoardDTO> {
  // One audience subject for the whole board: the news viewer carries it.
  let viewer: ReturnType<typeof newsViewer> | null = null;
  const news = () => (viewer ??= newsViewer(user));
  const subject = async () => (await news()).subject;
  const [layout, data] = await Promise.all([
    layoutFor(user, subject),
    loadBoardData({ user, subject, newsViewer: news }),
  ]);
  return { layout, data, abilities: homeAbilities(user) };
}

const isDuplicateKey = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

/**
 * `PUT /api/home/layout`. The revision check reads the person's document by `_id` (the cheap
 * lookup on the embedded engine) instead of a conditional update with `rev` in the filter, which
 * would scan the whole collection there; two saves of ONE person racing within milliseconds on
 * two instances is the only case this leaves to last-writer-wins.
 */
export async function saveLayout(user: CurrentUser, input: SaveLayoutInput) {
  const current = await HomeLayoutModel.findById(user.id).lean<PersonalLayout>();
  if (isStale(current, input.rev)) throw conflict('The layout was changed elsewhere.');
  const next: PersonalLayout = { widgets: cleanWidgets(input.widgets), rev: input.rev + 1 };
  try {
    if (current) await HomeLayoutModel.updateOne({ _id: user.id }, { $set: next });
    else await HomeLayoutModel.create({ _id: user.id, ...next });
  } catch (err) {
    layoutCache.invalidate(user.id);
    if (isDuplicateKey(err)) throw conflict('The layout was changed elsewhere.');
    throw err;
  }
  layoutCache.set(user.id, next);
  const layout: HomeBoardDTO['layout'] = { ...next, source: 'personal' };
  events.publish('home.layout_changed', { userId: user.id, layout });
  return layout;
}

/** `DELETE /api/home/layout`: forget the personal layout; the default applies again. */
export async function resetLayout(user: CurrentUser) {
  await HomeLayoutModel.deleteOne({ _id: user.id });
  layoutCache.set(user.id, null);
  const layout = await layoutFor(user, lazySubject(user));
  events.publish('home.layout_changed', { userId: user.id, layout });
  return layout;
}

// ---- default layouts (administrators) ----

function requireManager(user: CurrentUser): void {
  if (!canManageDefaults(user)) throw forbidden();
}

export async function listDefaults(user: CurrentUser): Promise<DefaultLayoutDTO[]> {
  requireManager(user);
  return [...(await defaultLayouts())].sort(byPriority).map((d) => presentDefaultLayout(d, user));
}

async function presentOne(user: CurrentUser, id: string) {
  const found = (await defaultLayouts()).find((d) => d.id === id);
  if (!found) throw notFound();
  return presentDefaultLayout(found, user);
}

export async function createDefault(user: CurrentUser, input: DefaultLayoutInput, req?: Request) {
  requireManager(user);
  const doc = await HomeDefaultModel.create(defaultLayoutInputSchema.parse(input));
  const id = String(doc._id);
  defaultsChanged();
  await audit({
    action: 'home.default_created',
    actorId: user.id,
    subjectType: 'home_default',
    subjectId: id,
    req,
  });
  return presentOne(user, id);
}

export async function updateDefault(
  user: CurrentUser,
  id: string,
  patch: DefaultLayoutPatch,
  req?: Request,
) {
  requireManager(user);
  const res = await HomeDefaultModel.updateOne(
    { _id: id },
    { $set: patch },
    { runValidators: true },
  );
  if (res.matchedCount === 0) throw notFound();
  defaultsChanged();
  await audit({
    action: 'home.default_updated',
    actorId: user.id,
    subjectType: 'home_default',
    subjectId: id,
    detail: { changed: Object.keys(patch) },
    req,
  });
  return presentOne(user, id);
}

export async function deleteDefault(user: CurrentUser, id: string, req?: Request) {
  requireManager(user);
  const res = await HomeDefaultModel.deleteOne({ _id: id });
  if (res.deletedCount === 0) throw notFound();
  defaultsChanged();
  await audit({
    action: 'home.default_deleted',
    actorId: user.id,
    subjectType: 'home_default',
    subjectId: id,
    req,
  });
}
