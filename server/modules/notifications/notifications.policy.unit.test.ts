import { describe, expect, it } from 'vitest';
import {
  canBroadcast,
  canMarkRead,
  canSeeNotification,
  notificationAbilities,
} from './notifications.policy';

const owner = { id: 'a'.repeat(24), roles: ['employee' as const] };
const other = { id: 'b'.repeat(24), roles: ['employee' as const] };
const admin = { id: 'c'.repeat(24), roles: ['employee' as const, 'admin' as const] };
const unread = { userId: owner.id, readAt: null };
const read = { userId: owner.id, readAt: new Date() };

describe('notifications policy', () => {
  it.each([
    ['owner', owner, true],
    ['another employee', other, false],
    ['an administrator', admin, false],
  ])('%s may see and mark the notification: %s', (_who, viewer, allowed) => {
    expect(canSeeNotification(viewer, unread)).toBe(allowed);
    expect(canMarkRead(viewer, unread)).toBe(allowed);
  });

  it('offers markRead only to the owner and only while unread', () => {
    expect(notificationAbilities(owner, unread)).toEqual({ markRead: true });
    expect(notificationAbilities(owner, read)).toEqual({ markRead: false });
    expect(notificationAbilities(other, unread)).toEqual({ markRead: false });
  });

  it('lets only administrators broadcast', () => {
    expect(canBroadcast(admin)).toBe(true);
    expect(canBroadcast(owner)).toBe(false);
    expect(canBroadcast({ id: 'd'.repeat(24), roles: ['editor', 'hr', 'mover'] })).toBe(false);
  });
});
