import type { Request } from 'express';
import type { CategoryInput } from '@shared/learning/schemas';
import type { CategoryDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { audit } from '../../audit/audit.service';
import { deny } from '../../audit/deny';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { conflict, notFound } from '../../../lib/errors';
import { CategoryModel, type Category } from './category.model';
import { courseIndex } from './course-index';
import { canManageCategories, isHr } from './course.policy';

export interface CategoryRow {
  id: string;
  name: { de: string; en: string };
}

// Tiny collection: read whole, cached (one key), dropped on every write here and elsewhere.
const ALL = 'all';
const cache = createKeyedCache<Map<string, CategoryRow>>({
  name: 'learning-categories',
  max: 1,
  load: async () => {
    const docs = await CategoryModel.find({}).lean<Category[]>();
    return new Map(
      docs.map((d) => [
        String(d._id),
        { id: String(d._id), name: { de: d.name.de, en: d.name.en } },
      ]),
    );
  },
});

export const categoryMap = (): Promise<Map<string, CategoryRow>> => cache.get(ALL);

const byName = (a: CategoryRow, b: CategoryRow) => a.name.de.localeCompare(b.name.de, 'de');

/** Every category; the count is of the courses the viewer can know of (HR: all). */
export async function listCategories(user: CurrentUser): Promise<CategoryDTO[]> {
  const [cats, index] = await Promise.all([categoryMap(), courseIndex()]);
  const counts = new Map<string, number>();
  const hr = isHr(user);
  for (const c of index.all) {
    if (!c.categoryId || (!hr && c.status !== 'published')) continue;
    counts.set(c.categoryId, (counts.get(c.categoryId) ?? 0) + 1);
  }
  return [...cats.values()].sort(byName).map((c) => ({ ...c, courseCount: counts.get(c.id) ?? 0 }));
}

async function mustManage(user: CurrentUser, action: string, id: string | null, req?: Request) {
  if (!canManageCategories(user.roles)) {
    throw await deny(user, `learning.category.${action}`, { type: 'learning_category', id }, req);
  }
}

async function presentOne(id: string, user: CurrentUser): Promise<CategoryDTO> {
  const found = (await listCategories(user)).find((c) => c.id === id);
  if (!found) throw notFound();
  return found;
}

const changed = (): void => cache.invalidate(ALL);

export async function createCategory(
  user: CurrentUser,
  input: CategoryInput,
  req?: Request,
): Promise<CategoryDTO> {
  await mustManage(user, 'create', null, req);
  const doc = await CategoryModel.create({ name: { de: input.name.de, en: input.name.en } });
  const id = String(doc._id);
  changed();
  await audit({
    action: 'learning.category.create',
    actorId: user.id,
    subjectType: 'learning_category',
    subjectId: id,
    req,
  });
  return presentOne(id, user);
}

export async function updateCategory(
  user: CurrentUser,
  id: string,
  input: CategoryInput,
  req?: Request,
): Promise<CategoryDTO> {
  await mustManage(user, 'update', id, req);
  const res = await CategoryModel.updateOne(
    { _id: id },
    { $set: { name: { de: input.name.de, en: input.name.en } } },
  );
  if (res.matchedCount === 0) throw notFound();
  changed();
  await audit({
    action: 'learning.category.update',
    actorId: user.id,
    subjectType: 'learning_category',
    subjectId: id,
    req,
  });
  return presentOne(id, user);
}

/** Only while no course (of any status) uses it: else 409 `conflict`. */
export async function deleteCategory(user: CurrentUser, id: string, req?: Request): Promise<void> {
  await mustManage(user, 'delete', id, req);
  if (!(await categoryMap()).has(id)) throw notFound();
  const used = (await courseIndex()).all.some((c) => c.categoryId === id);
  if (used) throw conflict('The category is still used by courses.');
  await CategoryModel.deleteOne({ _id: id });
  changed();
  await audit({
    action: 'learning.category.delete',
    actorId: user.id,
    subjectType: 'learning_category',
    subjectId: id,
    req,
  });
}

export function resetCategories(): void {
  cache.clear();
}
