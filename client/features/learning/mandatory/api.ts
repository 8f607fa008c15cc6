import { api } from '../../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type { Audience } from '@shared/org/audience';
import type {
  AssignmentDTO,
  ComplianceDTO,
  CompliancePersonDTO,
  CourseCardDTO,
  DueTrainingDTO,
} from '@shared/learning/types';

/** REST calls of mandatory trainings and compliance (S4), unwrapped from `{ data }`. */
const base = '/api/learning';
const enc = encodeURIComponent;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export interface AssignmentFields {
  courseId: string;
  audience: Audience;
  deadline: string;
  reminderDays: number[];
  note: string;
}

export const listAssignments = (signal?: AbortSignal) =>
  data(api<ApiData<AssignmentDTO[]>>(`${base}/assignments`, { signal }));

export const createAssignment = (input: AssignmentFields & { clientId: string }) =>
  data(api<ApiData<AssignmentDTO>>(`${base}/assignments`, { method: 'POST', body: { ...input } }));

export const updateAssignment = (
  id: string,
  input: Partial<Omit<AssignmentFields, 'courseId'>> & { rev: number; active?: boolean },
) =>
  data(
    api<ApiData<AssignmentDTO>>(`${base}/assignments/${enc(id)}`, {
      method: 'PATCH',
      body: { ...input },
    }),
  );

export const getDue = (signal?: AbortSignal) =>
  data(api<ApiData<DueTrainingDTO[]>>(`${base}/me/due`, { signal }));

export const getCompliance = (assignmentId: string | null, signal?: AbortSignal) =>
  data(
    api<ApiData<ComplianceDTO[]>>(`${base}/compliance`, {
      signal,
      query: { assignmentId: assignmentId ?? undefined },
    }),
  );

export const getCompliancePeople = (assignmentId: string, unitId: string, signal?: AbortSignal) =>
  data(
    api<ApiData<CompliancePersonDTO[]>>(`${base}/compliance/people`, {
      signal,
      query: { assignmentId, unitId },
    }),
  );

/** Published courses I manage (the create dialog's course choice). */
export const listManagedCourses = (signal?: AbortSignal) =>
  api<ApiPage<CourseCardDTO>>(`${base}/courses`, {
    signal,
    query: { scope: 'manage', status: 'published', limit: 100 },
  }).then((r) => r.data);
