import { describe, it, expect } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { setPresence, useOnLeaveUntil, usePresence } from './presence';

describe('presence store', () => {
  it('keeps "on leave until" beside the status and clears it when the server leaves it out', () => {
    const status = renderHook(() => usePresence('p-leave'));
    const leave = renderHook(() => useOnLeaveUntil('p-leave'));
    expect(leave.result.current).toBeNull();

    act(() => setPresence([{ personId: 'p-leave', status: 'away', onLeaveUntil: '2026-08-14' }]));
    expect(status.result.current).toBe('away');
    expect(leave.result.current).toBe('2026-08-14');

    // Same status, leave extended: the date still changes.
    act(() => setPresence([{ personId: 'p-leave', status: 'away', onLeaveUntil: '2026-08-21' }]));
    expect(leave.result.current).toBe('2026-08-21');

    // Back from leave: the key is absent in the payload.
    act(() => setPresence([{ personId: 'p-leave', status: 'online' }]));
    expect(status.result.current).toBe('online');
    expect(leave.result.current).toBeNull();
  });

  it('does not touch other people', () => {
    act(() => setPresence([{ personId: 'p-a', status: 'online', onLeaveUntil: '2026-01-09' }]));
    act(() => setPresence([{ personId: 'p-b', status: 'offline' }]));
    const a = renderHook(() => useOnLeaveUntil('p-a'));
    const none = renderHook(() => useOnLeaveUntil(null));
    expect(a.result.current).toBe('2026-01-09');
    expect(none.result.current).toBeNull();
  });
});
