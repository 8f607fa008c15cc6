import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/people/roles';
import { canChangePhotoAsAdmin, canViewPhoto, photoAbilities } from './photo.policy';

const user = (id: string, roles: Role[]) => ({ id, roles });
const employee = user('e', ['employee']);
const hr = user('h', ['employee', 'hr']);
const admin = user('a', ['employee', 'admin']);

describe('photo policy', () => {
  it.each([
    ['employee', employee, { change: false, remove: false }, false],
    ['hr', hr, { change: false, remove: false }, false],
    ['admin', admin, { change: true, remove: true }, true],
  ] as const)("%s on someone else's photo", (_name, viewer, abilities, asAdmin) => {
    expect(photoAbilities(viewer, { id: 'x' })).toEqual(abilities);
    expect(canChangePhotoAsAdmin(viewer)).toBe(asAdmin);
  });

  it('lets everyone change their own photo, but not through the admin route', () => {
    expect(photoAbilities(employee, { id: 'e' })).toEqual({ change: true, remove: true });
    expect(canChangePhotoAsAdmin(employee, { id: 'e' })).toBe(false);
  });

  it('shows photos of active people to everyone, of inactive ones to admin, HR and oneself', () => {
    expect(canViewPhoto(employee, { id: 'x', active: true })).toBe(true);
    expect(canViewPhoto(employee, { id: 'x', active: false })).toBe(false);
    expect(canViewPhoto(employee, { id: 'e', active: false })).toBe(true);
    expect(canViewPhoto(hr, { id: 'x', active: false })).toBe(true);
    expect(canViewPhoto(admin, { id: 'x', active: false })).toBe(true);
  });
});
