import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { ConversationDTO, MessageDTO } from '@shared/chat/types';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { Realtime } from '../../realtime';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';

/** Test people and their signed-in sessions (for the message route tests). */
export interface ChatWorld {
  app: Express;
  ids: Record<string, string>;
  s: Record<string, Session>;
}

export async function chatWorld(names: string[]): Promise<ChatWorld> {
  const app = makeTestApp();
  const ids: Record<string, string> = {};
  const s: Record<string, Session> = {};
  for (const name of names) {
    ids[name] = (await makePerson({ username: name })).id;
    s[name] = await session(app, name);
  }
  return { app, ids, s };
}

type Method = 'post' | 'put' | 'patch' | 'delete';

export function client(w: ChatWorld) {
  const call = (method: Method, who: string, path: string, body: object = {}) =>
    w.s[who]!.agent[method](path).set('X-CSRF-Token', w.s[who]!.csrf).send(body);
  const get = (who: string, path: string) => w.s[who]!.agent.get(path);
  const channel = async (who: string, members: string[], extra: object = {}) =>
    (
      await call('post', who, '/api/conversations', {
        kind: 'channel',
        name: `Kanal ${randomUUID().slice(0, 8)}`,
        visibility: 'private',
        memberIds: members.map((m) => w.ids[m]),
        ...extra,
      }).expect(201)
    ).body.data as ConversationDTO;
  const send = (who: string, convId: string, body: string, extra: object = {}) =>
    call('post', who, `/api/conversations/${convId}/messages`, {
      clientId: randomUUID(),
      body,
      ...extra,
    });
  const sent = async (who: string, convId: string, body: string, extra: object = {}) =>
    (await send(who, convId, body, extra).expect(201)).body.data as MessageDTO;
  return {
    call: (m: Method, who: string, p: string, b?: object) => call(m, who, p, b),
    get,
    channel,
    send,
    sent,
  };
}

/** A realtime stand-in that records what would be emitted (subscriber tests without sockets). */
export function recordingRealtime() {
  const emitted: {
    to: string;
    except?: string;
    event: keyof ServerToClientEvents;
    payload: unknown;
  }[] = [];
  const realtime = {
    toUser: (userId: string, event: keyof ServerToClientEvents, payload: unknown) =>
      emitted.push({ to: `user:${userId}`, event, payload }),
    toRoom: (room: string, event: keyof ServerToClientEvents, payload: unknown) =>
      emitted.push({ to: room, event, payload }),
    toRoomExcept: (
      room: string,
      except: string,
      event: keyof ServerToClientEvents,
      payload: unknown,
    ) => emitted.push({ to: room, except, event, payload }),
    joinRoom: () => undefined,
    leaveRoom: () => undefined,
    addRoomProvider: () => () => undefined,
  };
  // Only the emitting methods are used by the message subscriber.
  return { realtime: realtime as unknown as Realtime, emitted };
}

/** Waits until `check` passes (subscribers run after the response). */
export async function eventually(check: () => void | Promise<void>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
