import { describe, expect, it } from 'vitest';
import type { RegistrationStatus } from '@shared/learning/schemas';
import {
  canDecide,
  canSeeParticipants,
  canSeeRegistration,
  cancelKind,
  needsHr,
  registerRefusal,
  registrationAbilities,
  sessionAbilities,
  type RegisterFacts,
  type RegistrationFacts,
} from './registration.policy';

const emp = { id: 'emp', roles: ['employee'] };
const boss = { id: 'boss', roles: ['employee'] };
const dep = { id: 'dep', roles: ['employee'] };
const top = { id: 'top', roles: ['employee'] };
const hr = { id: 'hr', roles: ['employee', 'hr'] };
const hr2 = { id: 'hr2', roles: ['employee', 'hr'] };
const trainer = { id: 'tr', roles: ['employee'] };
const sTrainer = { id: 'str', roles: ['employee'] };
const stranger = { id: 'x', roles: ['employee', 'admin'] };

const reg = (over: Partial<RegisterFacts> = {}): RegisterFacts => ({
  courseViewable: true,
  kind: 'training',
  coursePublished: true,
  cancelled: false,
  registrationUntil: '2030-05-09',
  firstDay: '2030-05-10',
  today: '2030-05-01',
  courseTrainerIds: ['tr'],
  sessionTrainerIds: ['str'],
  ...over,
});

const facts = (
  status: RegistrationStatus,
  over: Partial<RegistrationFacts> = {},
): RegistrationFacts => ({
  personId: 'emp',
  status,
  primary: 'boss',
  effective: 'boss',
  chainLeaders: ['boss', 'top'],
  courseTrainerIds: ['tr'],
  sessionTrainerIds: ['str'],
  ...over,
});

describe('registerRefusal', () => {
  it.each([
    ['open', reg(), null],
    ['course not viewable', reg({ courseViewable: false }), 'not_found'],
    ['not a training', reg({ kind: 'course' }), 'forbidden'],
    ['course not published', reg({ coursePublished: false }), 'forbidden'],
    ['session cancelled', reg({ cancelled: true }), 'session_cancelled'],
    ['last registration day', reg({ today: '2030-05-09' }), null],
    [
      'after registrationUntil',
      reg({ today: '2030-05-10', firstDay: '2030-06-01' }),
      'registration_closed',
    ],
    [
      'session started',
      reg({ registrationUntil: '2030-06-01', today: '2030-05-10' }),
      'registration_closed',
    ],
  ] as const)('%s', (_name, f, expected) => {
    expect(registerRefusal(emp, f)).toBe(expected);
  });

  it('refuses the trainers of the course and of the session', () => {
    expect(registerRefusal(trainer, reg())).toBe('forbidden');
    expect(registerRefusal(sTrainer, reg())).toBe('forbidden');
    expect(registerRefusal(hr, reg())).toBeNull();
  });
});

describe('needsHr', () => {
  it.each([
    [0, false, null, false],
    [100, false, null, true],
    [0, true, null, true],
    [0, false, 12, true],
  ] as const)('cost %s always %s seats %s → %s', (costCents, always, seats, expected) => {
    expect(needsHr({ costCents, hrConfirmationAlways: always }, { seats })).toBe(expected);
  });
});

describe('canDecide', () => {
  const table: [string, { id: string; roles: string[] }, RegistrationFacts, boolean][] = [
    ['approver, manager step', boss, facts('pending_manager'), true],
    ['deputy while effective', dep, facts('pending_manager', { effective: 'dep' }), true],
    ['primary while deputy acts', boss, facts('pending_manager', { effective: 'dep' }), false],
    ['chain leader above', top, facts('pending_manager'), false],
    ['HR on the manager step', hr, facts('pending_manager'), false],
    ['the person themself', emp, facts('pending_manager', { effective: 'emp' }), false],
    ['HR on the HR step', hr, facts('pending_hr'), true],
    ['HR on own HR step', hr, facts('pending_hr', { personId: 'hr' }), false],
    ['other HR on an HR person', hr2, facts('pending_hr', { personId: 'hr' }), true],
    ['approver on the HR step', boss, facts('pending_hr'), false],
    ['trainer', trainer, facts('pending_hr'), false],
    ['admin stranger', stranger, facts('pending_hr'), false],
    ['confirmed', hr, facts('confirmed'), false],
    ['waitlisted', boss, facts('waitlisted'), false],
    ['rejected', hr, facts('rejected'), false],
  ];
  it.each(table)('%s', (_n, v, f, expected) => {
    expect(canDecide(v, f)).toBe(expected);
    expect(registrationAbilities(v, f).decide).toBe(expected);
  });
});

describe('cancelKind', () => {
  it.each([
    ['person pending_manager', emp, 'pending_manager', 'withdrawn', false],
    ['person pending_hr', emp, 'pending_hr', 'withdrawn', false],
    ['person confirmed', emp, 'confirmed', 'cancelled', false],
    ['person waitlisted', emp, 'waitlisted', 'cancelled', false],
    ['trainer confirmed', trainer, 'confirmed', 'cancelled', true],
    ['session trainer waitlisted', sTrainer, 'waitlisted', 'cancelled', true],
    ['HR pending', hr, 'pending_hr', 'cancelled', true],
  ] as const)('%s', (_n, v, status, to, needsReason) => {
    expect(cancelKind(v, facts(status))).toMatchObject({ to, needsReason });
  });

  it.each([
    ['manager', boss, 'confirmed'],
    ['stranger', stranger, 'confirmed'],
    ['person after rejection', emp, 'rejected'],
    ['person after withdrawal', emp, 'withdrawn'],
    ['HR after cancel', hr, 'cancelled'],
  ] as const)('refuses %s', (_n, v, status) => {
    expect(cancelKind(v, facts(status))).toBeNull();
  });
});

describe('seeing', () => {
  it.each([
    [emp, true],
    [boss, true],
    [dep, false],
    [top, true],
    [hr, true],
    [trainer, true],
    [sTrainer, true],
    [stranger, false],
  ] as const)('registration: %o → %s', (v, expected) => {
    expect(canSeeRegistration(v, facts('pending_manager'))).toBe(expected);
  });

  it('the acting deputy sees the registration', () => {
    expect(canSeeRegistration(dep, facts('pending_manager', { effective: 'dep' }))).toBe(true);
  });

  it.each([
    [emp, false],
    [boss, false],
    [hr, true],
    [trainer, true],
    [sTrainer, true],
    [stranger, false],
  ] as const)('participants: %o → %s', (v, expected) => {
    expect(canSeeParticipants(v, { courseTrainerIds: ['tr'], sessionTrainerIds: ['str'] })).toBe(
      expected,
    );
  });

  it('session abilities follow manageSessions and the cancelled flag', () => {
    const s = { courseTrainerIds: ['tr'], sessionTrainerIds: [] };
    expect(
      sessionAbilities(trainer, {
        ...s,
        manageSessions: true,
        cancelled: false,
        mayRegister: false,
      }),
    ).toEqual({
      register: false,
      edit: true,
      cancel: true,
      seeParticipants: true,
    });
    expect(
      sessionAbilities(trainer, {
        ...s,
        manageSessions: true,
        cancelled: true,
        mayRegister: false,
      }),
    ).toMatchObject({
      edit: false,
      cancel: false,
    });
    expect(
      sessionAbilities(emp, { ...s, manageSessions: false, cancelled: false, mayRegister: true }),
    ).toEqual({
      register: true,
      edit: false,
      cancel: false,
      seeParticipants: false,
    });
  });
});
