import type { Request } from 'express';
import type { CreateLocationInput, UpdateLocationInput } from '@shared/org/schemas';
import type { LocationDTO } from '@shared/org/types';
import { LocationModel, type Location } from './location.model';
import { canManageLocations } from './org.policy';
import { presentLocation } from './org.presenter';
import type { CurrentUser } from '../auth/current-user';
import { audit } from '../audit/audit.service';
import { deny } from '../audit/deny';
import { events } from '../../lib/events';
import { notFound } from '../../lib/errors';

export async function listLocations(viewer: CurrentUser): Promise<LocationDTO[]> {
  const rows = await LocationModel.find({}).sort({ name: 1 }).lean<Location[]>();
  return rows.map((l) => presentLocation(l, viewer));
}

export async function createLocation(
  viewer: CurrentUser,
  input: CreateLocationInput,
  req?: Request,
): Promise<LocationDTO> {
  if (!canManageLocations(viewer)) {
    throw await deny(viewer, 'location.create', { type: 'location' }, req);
  }
  const created = await LocationModel.create({
    name: input.name,
    street: input.street ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
  });
  const id = String(created._id);
  await audit({
    action: 'location.create',
    actorId: viewer.id,
    subjectType: 'location',
    subjectId: id,
    req,
  });
  events.publish('location.changed', { locationId: id, actorId: viewer.id });
  return presentLocation(created.toObject() as Location, viewer);
}

export async function updateLocation(
  viewer: CurrentUser,
  id: string,
  input: UpdateLocationInput,
  req?: Request,
): Promise<LocationDTO> {
  if (!canManageLocations(viewer)) {
    throw await deny(viewer, 'location.update', { type: 'location', id }, req);
  }
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.street !== undefined) set.street = input.street;
  if (input.postalCode !== undefined) set.postalCode = input.postalCode;
  if (input.city !== undefined) set.city = input.city;
  const updated = await LocationModel.findByIdAndUpdate(
    id,
    { $set: set },
    { returnDocument: 'after' },
  ).lean<Location>();
  if (!updated) throw notFound();
  await audit({
    action: 'location.update',
    actorId: viewer.id,
    subjectType: 'location',
    subjectId: id,
    detail: { changed: Object.keys(set) },
    req,
  });
  events.publish('location.changed', { locationId: id, actorId: viewer.id });
  return presentLocation(updated, viewer);
}
