import * as decoding from 'lib0/decoding';

/** Hocuspocus message type of awareness updates (carets and names of co-editors). */
const AWARENESS = 1;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/**
 * The entries of an incoming Hocuspocus message (document name, type, payload), or null when it
 * is not an awareness update. Throws on a malformed message.
 */
export function awarenessEntriesIn(message: Uint8Array): AwarenessEntry[] | null {
  const d = decoding.createDecoder(message);
  decoding.readVarString(d);
  if (decoding.readVarUint(d) !== AWARENESS) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(d));
  const count = decoding.readVarUint(update);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(update)) as unknown });
  }
  return entries;
}

const namesOnly = (state: unknown, person: { id: string; displayName: string }) => {
  if (state === null) return true;
  if (typeof state !== 'object') return false;
  const user = (state as { user?: unknown }).user;
  if (user === undefined) return true;
  if (!user || typeof user !== 'object') return false;
  const { id, name } = user as { id?: unknown; name?: unknown };
  return id === person.id && name === person.displayName;
};

/**
 * True when every entry that would set a state names no one or the connection's own person
 * exactly (id and display name). The server relays awareness as sent, so without this a
 * co-editor could show a caret under someone else's name. Providers also echo the states they
 * received from others: those carry a clock the server already has and change nothing, so they
 * pass (`knownClock` gives the server's clock of a client id).
 */
export function awarenessIsOwn(
  entries: AwarenessEntry[],
  person: { id: string; displayName: string },
  knownClock: (clientId: number) => number | undefined,
): boolean {
  return entries.every((e) => {
    const known = knownClock(e.clientId);
    if (known !== undefined && e.clock <= known) return true;
    return namesOnly(e.state, person);
  });
}
