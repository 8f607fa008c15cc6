import { PersonModel } from './person.model';
import { UnitModel } from '../org/unit.model';
import { LocationModel } from '../org/location.model';
import { badRequest } from '../../lib/errors';
import type { FieldIssue } from '@shared/http/errors';

const issue = (path: string, code: string, message: string): FieldIssue => ({
  path,
  code,
  message,
});

/**
 * Checks that referenced unit, location and deputy exist (deputy: active, not the person
 * themselves); 400 with field issues `unknown_reference` / `self_reference` otherwise.
 */
export async function assertPersonReferences(
  refs: { unitId?: string | null; locationId?: string | null; deputyId?: string | null },
  personId?: string,
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (refs.unitId && !(await UnitModel.exists({ _id: refs.unitId }))) {
    issues.push(issue('unitId', 'unknown_reference', 'Unknown unit.'));
  }
  if (refs.locationId && !(await LocationModel.exists({ _id: refs.locationId }))) {
    issues.push(issue('locationId', 'unknown_reference', 'Unknown location.'));
  }
  if (refs.deputyId) {
    if (personId && refs.deputyId === personId) {
      issues.push(issue('deputyId', 'self_reference', 'A person cannot be their own deputy.'));
    } else if (!(await PersonModel.exists({ _id: refs.deputyId, active: true }))) {
      issues.push(issue('deputyId', 'unknown_reference', 'Unknown person.'));
    }
  }
  if (issues.length) throw badRequest('The request is not valid.', issues);
}
