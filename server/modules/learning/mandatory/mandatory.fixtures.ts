import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { UnitModel } from '../../org/unit.model';
import { makeCourse, textLesson, type World } from '../progress/progress.fixtures';

/**
 * Org for the mandatory tests: officeA > teamA1 (led by leadA1), officeB (led by leadB).
 * People: hr, admin, a1 + a2 (teamA1), a3 (officeA), b1 (officeB), inactive (teamA1).
 */
export type MWho = 'hr' | 'hr2' | 'admin' | 'leadA1' | 'leadB' | 'a1' | 'a2' | 'a3' | 'b1';

export interface MWorld {
  app: Express;
  ids: Record<MWho, string>;
  s: Record<MWho, Session>;
  units: { officeA: string; teamA1: string; officeB: string };
  /** For the progress fixtures (`makeCourse`): audience everyone. */
  world: World;
}

export async function makeMandatoryWorld(tag: string): Promise<MWorld> {
  const app = makeTestApp();
  const officeA = await UnitModel.create({
    name: `Amt A ${tag}`,
    kind: 'office',
    sortKey: `a ${tag}`,
  });
  const teamA1 = await UnitModel.create({
    name: `Team A1 ${tag}`,
    kind: 'team',
    sortKey: `a1 ${tag}`,
    parentId: officeA._id,
    path: [officeA._id],
  });
  const officeB = await UnitModel.create({
    name: `Amt B ${tag}`,
    kind: 'office',
    sortKey: `b ${tag}`,
  });
  const units = {
    officeA: String(officeA._id),
    teamA1: String(teamA1._id),
    officeB: String(officeB._id),
  };
  const plan: Record<MWho, { unit: string; roles: ('employee' | 'hr' | 'admin')[] }> = {
    hr: { unit: units.officeB, roles: ['employee', 'hr'] },
    hr2: { unit: units.officeB, roles: ['employee', 'hr'] },
    admin: { unit: units.officeB, roles: ['employee', 'admin'] },
    leadA1: { unit: units.teamA1, roles: ['employee'] },
    leadB: { unit: units.officeB, roles: ['employee'] },
    a1: { unit: units.teamA1, roles: ['employee'] },
    a2: { unit: units.teamA1, roles: ['employee'] },
    a3: { unit: units.officeA, roles: ['employee'] },
    b1: { unit: units.officeB, roles: ['employee'] },
  };
  const ids = {} as Record<MWho, string>;
  const names = {} as Record<MWho, string>;
  for (const who of Object.keys(plan) as MWho[]) {
    const p = await makePerson({
      username: `${tag}-${who}`,
      roles: plan[who].roles,
      unitId: plan[who].unit,
    });
    ids[who] = p.id;
    names[who] = p.username;
  }
  await makePerson({ username: `${tag}-inactive`, unitId: units.teamA1, active: false });
  await UnitModel.updateOne({ _id: teamA1._id }, { leaderId: ids.leadA1 });
  await UnitModel.updateOne({ _id: officeB._id }, { leaderId: ids.leadB });
  const s = {} as Record<MWho, Session>;
  for (const who of Object.keys(plan) as MWho[]) s[who] = await session(app, names[who]);
  const world = {
    app,
    ids: { trainer: ids.hr } as World['ids'],
    s: {} as World['s'],
    unitId: units.officeA,
  } as World;
  return { app, ids, s, units, world };
}

/** A published one-lesson course for everyone (completing `lesson-1` completes it). */
export const makeOneLessonCourse = (w: MWorld, kind: 'course' | 'self_assessment' = 'course') =>
  makeCourse(w.world, { everyone: true, kind, lessons: [textLesson('lesson-1')] });

export const assignmentBody = (courseId: string, deadline: string, extra: object = {}) => ({
  clientId: randomUUID(),
  courseId,
  audience: { units: [], roles: [], locationIds: [] },
  deadline,
  ...extra,
});

export const send = (
  w: MWorld,
  who: MWho,
  method: 'post' | 'patch' | 'put',
  path: string,
  body?: object,
) =>
  w.s[who].agent[method](path)
    .set('X-CSRF-Token', w.s[who].csrf)
    .send(body ?? {});

export const get = (w: MWorld, who: MWho, path: string) => w.s[who].agent.get(path);
