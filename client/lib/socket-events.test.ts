import { describe, expect, it, vi } from 'vitest';
import type { PortalSocket } from './socket';
import { listenToServer } from './socket-events';

/** Just enough of a socket: listeners by event, `connected` and `recovered` as the client sets them. */
function fakeSocket() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const s = {
    connected: true,
    recovered: false,
    on(event: string, fn: (...args: unknown[]) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(fn);
      return s;
    },
    off(event: string, fn: (...args: unknown[]) => void) {
      listeners.get(event)?.delete(fn);
      return s;
    },
    emit(event: string, ...args: unknown[]) {
      listeners.get(event)?.forEach((fn) => fn(...args));
    },
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
  return s;
}

describe('listenToServer', () => {
  it('routes events to their handlers and removes every listener on cleanup', () => {
    const s = fakeSocket();
    const mine = vi.fn();
    const room = vi.fn();
    const stop = listenToServer(s as unknown as PortalSocket, {
      'rooms:mine': mine,
      'rooms:room': room,
    });
    s.emit('rooms:room', { roomId: 'r1' });
    expect(room).toHaveBeenCalledWith({ roomId: 'r1' });
    expect(mine).not.toHaveBeenCalled();
    stop();
    expect(s.count()).toBe(0);
  });

  it('calls onMissed after an unrecovered reconnect only, not on a recovered one', () => {
    const s = fakeSocket();
    const missed = vi.fn();
    const stop = listenToServer(s as unknown as PortalSocket, {}, missed);
    s.recovered = true;
    s.emit('connect');
    expect(missed).not.toHaveBeenCalled();
    s.recovered = false;
    s.emit('connect');
    expect(missed).toHaveBeenCalledTimes(1);
    stop();
    expect(s.count()).toBe(0);
  });

  it('does not call onMissed on the first connect of a socket that was not connected yet', () => {
    const s = fakeSocket();
    s.connected = false;
    const missed = vi.fn();
    listenToServer(s as unknown as PortalSocket, {}, missed);
    s.emit('connect');
    expect(missed).not.toHaveBeenCalled();
    s.emit('connect');
    expect(missed).toHaveBeenCalledTimes(1);
  });
});
