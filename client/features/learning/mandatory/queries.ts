import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { learningKeys } from '../keys';
import {
  createAssignment,
  getCompliance,
  getCompliancePeople,
  getDue,
  listAssignments,
  listManagedCourses,
  updateAssignment,
  type AssignmentFields,
} from './api';

export const assignmentsQuery = () =>
  queryOptions({
    queryKey: learningKeys.assignments(),
    queryFn: ({ signal }) => listAssignments(signal),
    staleTime: 30_000,
  });

export const dueQuery = () =>
  queryOptions({
    queryKey: learningKeys.due(),
    queryFn: ({ signal }) => getDue(signal),
    staleTime: 60_000,
  });

export const complianceQuery = (assignmentId: string | null) =>
  queryOptions({
    queryKey: learningKeys.compliance(assignmentId),
    queryFn: ({ signal }) => getCompliance(assignmentId, signal),
    // `learning:compliance` invalidates it while the dashboard is open.
    staleTime: 30_000,
  });

export const compliancePeopleQuery = (assignmentId: string, unitId: string) =>
  queryOptions({
    queryKey: learningKeys.compliancePeople(assignmentId, unitId),
    queryFn: ({ signal }) => getCompliancePeople(assignmentId, unitId, signal),
    staleTime: 30_000,
  });

export const useAssignments = () => useQuery(assignmentsQuery());
export const useDue = () => useQuery(dueQuery());
export const useCompliance = (assignmentId: string | null) =>
  useQuery(complianceQuery(assignmentId));
export const useCompliancePeople = (assignmentId: string, unitId: string) =>
  useQuery(compliancePeopleQuery(assignmentId, unitId));

export const useManagedCourses = (enabled: boolean) =>
  useQuery({
    queryKey: [...learningKeys.lists(), 'manage-published'],
    queryFn: ({ signal }) => listManagedCourses(signal),
    enabled,
    staleTime: 60_000,
  });

function useInvalidateMandatory() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: learningKeys.assignments() });
    void qc.invalidateQueries({ queryKey: [...learningKeys.all, 'compliance'] });
    void qc.invalidateQueries({ queryKey: learningKeys.lists() });
  };
}

export function useCreateAssignment() {
  const done = useInvalidateMandatory();
  return useMutation({
    mutationFn: (input: AssignmentFields & { clientId: string }) => createAssignment(input),
    onSuccess: done,
  });
}

export function useUpdateAssignment() {
  const done = useInvalidateMandatory();
  return useMutation({
    mutationFn: (v: {
      id: string;
      input: Partial<Omit<AssignmentFields, 'courseId'>> & { rev: number; active?: boolean };
    }) => updateAssignment(v.id, v.input),
    onSuccess: done,
  });
}
