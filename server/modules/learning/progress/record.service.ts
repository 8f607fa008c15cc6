import type { Request } from 'express';
import type { TrainingRecordDTO, TrainingRecordEntryDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { forbidden, notFound } from '../../../lib/errors';
import { audit } from '../../audit/audit.service';
import { approverInfo } from '../../leave/approver';
import { todayInBerlin } from '../../leave/holidays';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { publishedContent } from '../courses/content';
import { courseIndex } from '../courses/course-index';
import { assignmentsReady, isAssigned } from '../mandatory/assignment-index';
import { attendedTrainings } from '../trainings/attended';
import { enrolmentsOf, learnerIndexReady } from './learner-index';
import { percentFor } from './progress.rules';
import { recordAbilities } from './record.policy';

/**
 * A person's training record: completed courses (with certificate codes) and attended trainings,
 * newest first; courses in progress only for the person themself. Never assessment answers.
 */
export async function trainingRecord(
  user: CurrentUser,
  personId: string,
  req?: Request,
): Promise<TrainingRecordDTO> {
  const [person] = /^[0-9a-f]{24}$/i.test(personId) ? await peopleFromDirectory([personId]) : [];
  if (!person) throw notFound();
  const chainLeaders =
    user.id === personId ? [] : (await approverInfo(personId, todayInBerlin())).chainLeaders;
  const abilities = recordAbilities(user, personId, chainLeaders);
  if (!abilities.view) {
    await audit({
      action: 'learning.record.view',
      actorId: user.id,
      subjectType: 'person',
      subjectId: personId,
      outcome: 'denied',
      req,
    });
    throw forbidden();
  }
  const [index, trainings] = await Promise.all([
    courseIndex(),
    attendedTrainings(personId),
    learnerIndexReady(),
    assignmentsReady(),
  ]);
  const entries: TrainingRecordEntryDTO[] = [];
  const inProgress: TrainingRecordDTO['inProgress'] = [];
  for (const [courseId, e] of enrolmentsOf(personId)) {
    const course = index.byId.get(courseId);
    if (!course) continue;
    if (course.kind === 'self_assessment' && !abilities.selfAssessments) continue;
    if (e.completedAt) {
      entries.push({
        kind: course.kind === 'self_assessment' ? 'self_assessment' : 'course',
        courseId,
        title: course.title,
        date: todayInBerlin(new Date(e.completedAt)),
        certificateCode: e.certificateCode,
        mandatory: isAssigned(courseId, personId),
      });
    } else if (abilities.inProgress && course.status !== 'draft') {
      inProgress.push({
        courseId,
        title: course.title,
        percent: percentFor(e, await publishedContent(courseId)),
      });
    }
  }
  for (const t of trainings) {
    entries.push({
      kind: 'training',
      courseId: t.courseId,
      title: t.title,
      date: t.date,
      certificateCode: null,
      mandatory: isAssigned(t.courseId, personId),
    });
  }
  entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { person: presentPersonRef(person), entries, inProgress };
}
