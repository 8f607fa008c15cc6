import type { Request } from 'express';
import type { AppDTO } from '@shared/apps/types';
import type { AppInput, AppPatch, PinsInput } from '@shared/apps/schemas';
import { isEveryone } from '@shared/org/audience';
import { appInputSchema } from '@shared/apps/schemas';
import type { CurrentUser } from '../auth/current-user';
import { badRequest, forbidden, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { audit } from '../audit/audit.service';
import { subjectOfUser, type AudienceSubject } from '../org/audience';
import { AppModel } from './app.model';
import { AppPinsModel } from './app-pins.model';
import { catalogue, catalogueChanged, pinsCache, type CatalogueApp } from './apps.catalogue';
import { canManageApps, canSeeApp, pinnedIds } from './apps.policy';
import { presentApp } from './apps.presenter';

/** The person's audience subject, computed once per request and only when an audience needs it. */
export type SubjectSource = () => Promise<AudienceSubject>;
export const lazySubject = (user: CurrentUser): SubjectSource => {
  let pending: Promise<AudienceSubject> | null = null;
  return () => (pending ??= subjectOfUser(user));
};

async function visibleApps(subject: SubjectSource): Promise<CatalogueApp[]> {
  const all = await catalogue();
  if (all.every((a) => isEveryone(a.audience))) return all;
  const s = await subject();
  return all.filter((a) => canSeeApp(s, a));
}

/** `GET /api/apps`: the apps the person can see; pinned first in their order, then by name. */
export async function listApps(user: CurrentUser, subject = lazySubject(user)): Promise<AppDTO[]> {
  const [visible, own] = await Promise.all([visibleApps(subject), pinsCache.get(user.id)]);
  const pinned = pinnedIds(own, visible);
  const byId = new Map(visible.map((a) => [a.id, a]));
  const pinnedSet = new Set(pinned);
  return [
    ...pinned.flatMap((id) => {
      const app = byId.get(id);
      return app ? [presentApp(app, user, true)] : [];
    }),
    ...visible.filter((a) => !pinnedSet.has(a.id)).map((a) => presentApp(a, user, false)),
  ];
}

/** The person's pinned apps in order (the start page's "My apps"). */
export async function pinnedApps(
  user: CurrentUser,
  subject = lazySubject(user),
): Promise<AppDTO[]> {
  return (await listApps(user, subject)).filter((a) => a.pinned);
}

/** `PUT /api/apps/pins`: only apps the person can see; anything else is refused as a whole. */
export async function savePins(user: CurrentUser, input: PinsInput): Promise<AppDTO[]> {
  const subject = lazySubject(user);
  const visible = new Set((await visibleApps(subject)).map((a) => a.id));
  const unknown = input.appIds.findIndex((id) => !visible.has(id));
  if (unknown >= 0) {
    throw badRequest('This app is not available to you.', [
      { path: `appIds.${unknown}`, code: 'app_unavailable', message: 'App not available' },
    ]);
  }
  await AppPinsModel.updateOne(
    { _id: user.id },
    { $set: { appIds: input.appIds } },
    { upsert: true },
  );
  pinsCache.set(user.id, [...input.appIds]);
  events.publish('apps.changed', { userId: user.id });
  return listApps(user, subject);
}

/** `DELETE /api/apps/pins`: back to the suggested apps. */
export async function resetPins(user: CurrentUser): Promise<AppDTO[]> {
  await AppPinsModel.deleteOne({ _id: user.id });
  pinsCache.set(user.id, null);
  events.publish('apps.changed', { userId: user.id });
  return listApps(user);
}

// ---- catalogue administration ----

function requireManager(user: CurrentUser): void {
  if (!canManageApps(user)) throw forbidden();
}

/** `GET /api/apps/catalogue`: every app with its audience (administrators). */
export async function listCatalogue(user: CurrentUser): Promise<AppDTO[]> {
  requireManager(user);
  const [all, visible, own] = await Promise.all([
    catalogue(),
    visibleApps(lazySubject(user)),
    pinsCache.get(user.id),
  ]);
  const pinned = new Set(pinnedIds(own, visible));
  return all.map((a) => presentApp(a, user, pinned.has(a.id)));
}

async function presentOne(user: CurrentUser, id: string): Promise<AppDTO> {
  const app = (await catalogue()).find((a) => a.id === id);
  if (!app) throw notFound();
  return presentApp(app, user, false);
}

function afterCatalogueWrite(): void {
  catalogueChanged();
  events.publish('apps.changed', { userId: null });
}

export async function createApp(user: CurrentUser, input: AppInput, req?: Request) {
  requireManager(user);
  const data = appInputSchema.parse(input);
  const doc = await AppModel.create(data);
  const id = String(doc._id);
  afterCatalogueWrite();
  await audit({ action: 'app.created', actorId: user.id, subjectType: 'app', subjectId: id, req });
  return presentOne(user, id);
}

export async function updateApp(user: CurrentUser, id: string, patch: AppPatch, req?: Request) {
  requireManager(user);
  const res = await AppModel.updateOne({ _id: id }, { $set: patch }, { runValidators: true });
  if (res.matchedCount === 0) throw notFound();
  afterCatalogueWrite();
  await audit({
    action: 'app.updated',
    actorId: user.id,
    subjectType: 'app',
    subjectId: id,
    detail: { changed: Object.keys(patch) },
    req,
  });
  return presentOne(user, id);
}

export async function deleteApp(user: CurrentUser, id: string, req?: Request): Promise<void> {
  requireManager(user);
  const res = await AppModel.deleteOne({ _id: id });
  if (res.deletedCount === 0) throw notFound();
  // Pins that still name it are dropped on read (`pinnedIds`); no per-person rewrite needed.
  afterCatalogueWrite();
  await audit({ action: 'app.deleted', actorId: user.id, subjectType: 'app', subjectId: id, req });
}
