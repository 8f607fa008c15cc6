import type { PersonRef } from '@shared/people/types';
import type {
  LeaveBalanceDTO,
  LeaveRequestDTO,
  LeaveRequestDetailDTO,
  LeaveTypeDTO,
} from '@shared/leave/types';

export const ME = '64b000000000000000000001';
export const OTHER = '64b000000000000000000002';

export const personRef = (id: string, displayName = 'Erika Muster'): PersonRef => ({
  id,
  displayName,
  position: null,
  unitId: null,
  initials: 'EM',
  photoUrl: null,
});

export const annualType: LeaveTypeDTO = {
  id: '64c000000000000000000001',
  key: 'annual',
  name: { de: 'Erholungsurlaub', en: 'Annual leave' },
  counts: true,
  color: 'blue',
  active: true,
};

export const leaveRequest = (over: Partial<LeaveRequestDTO> = {}): LeaveRequestDTO => ({
  id: '11111111-1111-4111-8111-111111111111',
  person: personRef(ME),
  type: annualType,
  from: '2026-07-06',
  to: '2026-07-10',
  halfStart: false,
  halfEnd: false,
  days: 5,
  status: 'pending',
  comment: '',
  deputy: null,
  approver: personRef(OTHER, 'Max Manager'),
  decidedBy: null,
  decidedAt: null,
  decisionComment: '',
  escalatedAt: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  rev: 1,
  abilities: { edit: true, withdraw: true, cancel: false, shorten: false, decide: false },
  ...over,
});

export const leaveDetail = (over: Partial<LeaveRequestDetailDTO> = {}): LeaveRequestDetailDTO => ({
  ...leaveRequest(over),
  history: [],
  ...over,
});

export const leaveBalance = (over: Partial<LeaveBalanceDTO> = {}): LeaveBalanceDTO => ({
  personId: ME,
  year: 2026,
  lines: [{ kind: 'base', label: '', days: 30 }],
  entitlement: 30,
  baseDays: 30,
  workdays: [1, 2, 3, 4, 5],
  employedFrom: null,
  employedTo: null,
  carryOver: 4,
  carryExpires: '2026-03-31',
  carryOverUsable: 4,
  carryOverExpired: 0,
  approved: 0,
  pending: 5,
  available: 29,
  rev: 3,
  abilities: { editEntitlement: false },
  ...over,
});
