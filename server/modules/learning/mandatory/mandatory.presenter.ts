import type {
  AssignmentDTO,
  ComplianceTotalsDTO,
  CompliancePersonDTO,
  DueTrainingDTO,
} from '@shared/learning/types';
import type { PersonRef } from '@shared/people/types';
import type { CourseMeta } from '../courses/course-index';
import type { AssignmentMeta } from './assignment-index';
import type { ComplianceStatus } from './compliance';

/** Explicit DTO fields only (no stored document leaves the server). */
export function presentAssignment(
  a: AssignmentMeta,
  course: Pick<CourseMeta, 'id' | 'title' | 'kind'> | null,
  createdBy: PersonRef | null,
  totals: ComplianceTotalsDTO,
  abilities: { edit: boolean; seePeople: boolean },
): AssignmentDTO {
  return {
    id: a.id,
    course: { id: a.courseId, title: course?.title ?? '', kind: course?.kind ?? 'course' },
    audience: {
      units: a.audience.units.map((u) => ({ unitId: u.unitId, withSubunits: u.withSubunits })),
      roles: [...a.audience.roles],
      locationIds: [...a.audience.locationIds],
    },
    deadline: a.deadline,
    reminderDays: [...a.reminderDays],
    note: a.note,
    active: a.active,
    createdBy,
    createdAt: a.createdAt.toISOString(),
    rev: a.rev,
    totals: { ...totals },
    abilities,
  };
}

export function presentCompliancePerson(
  person: PersonRef,
  status: ComplianceStatus,
  completedAt: Date | null,
  percent: number,
): CompliancePersonDTO {
  return {
    person,
    status,
    completedAt: completedAt ? completedAt.toISOString() : null,
    percent,
  };
}

export function presentDue(
  a: Pick<AssignmentMeta, 'id' | 'deadline'>,
  course: Pick<CourseMeta, 'id' | 'title' | 'kind'>,
  overdue: boolean,
  percent: number,
): DueTrainingDTO {
  return {
    assignmentId: a.id,
    course: { id: course.id, title: course.title, kind: course.kind },
    deadline: a.deadline,
    overdue,
    percent,
  };
}
