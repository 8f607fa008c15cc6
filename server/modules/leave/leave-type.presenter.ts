import type { LeaveTypeDTO } from '@shared/leave/types';
import type { LeaveType } from './leave-type.model';

export const presentLeaveType = (t: LeaveType): LeaveTypeDTO => ({
  id: t.id,
  key: t.key,
  name: { de: t.name.de, en: t.name.en },
  counts: t.counts,
  color: t.color,
  active: t.active,
});
