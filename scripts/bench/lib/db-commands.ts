import mongoose from 'mongoose';
import { pct, timed, type Req } from './http';

/**
 * Database commands seen by Mongoose in this process: counted while a line is measured, and the
 * time of the first `find` per collection after `startClock()` (when the read models were loaded).
 * Call before the server connects: it wraps `mongoose.connect` to turn on command monitoring.
 */
export interface Cmd {
  name: string;
  coll: string;
}

export function watchDbCommands(ignore: readonly string[]) {
  let counting: Cmd[] | null = null;
  const warmReads = new Map<string, number>();
  let t0 = 0;
  const started = new Map<number, Cmd>();
  const connect = mongoose.connect.bind(mongoose);
  mongoose.connect = (async (uri: string, options?: mongoose.ConnectOptions) => {
    const m = await connect(uri, { ...options, monitorCommands: true });
    const client = m.connection.getClient();
    client.on('commandStarted', (e) => {
      if (ignore.includes(e.commandName)) return;
      const coll = String((e.command as Record<string, unknown>)[e.commandName] ?? '');
      const cmd = { name: e.commandName, coll };
      started.set(e.requestId, cmd);
      counting?.push(cmd);
    });
    client.on('commandSucceeded', (e) => {
      const cmd = started.get(e.requestId);
      started.delete(e.requestId);
      if (cmd?.name === 'find' && t0 && !warmReads.has(cmd.coll)) {
        warmReads.set(cmd.coll, performance.now() - t0);
      }
    });
    return m;
  }) as typeof mongoose.connect;

  return {
    warmReads,
    /** Start of the server: warm-up reads are timed from here. */
    startClock(): number {
      t0 = performance.now();
      return t0;
    },
    /** Runs `fn` and returns the commands it caused (with everything else in flight). */
    async count<T>(fn: () => Promise<T>): Promise<{ result: T; cmds: Cmd[] }> {
      const cmds: Cmd[] = [];
      counting = cmds;
      try {
        return { result: await fn(), cmds };
      } finally {
        counting = null;
      }
    },
  };
}

export type DbCommands = ReturnType<typeof watchDbCommands>;

/** "3× find learning_courses, 1× update …" or "none". */
export const summary = (cmds: Cmd[]) => {
  const by = new Map<string, number>();
  for (const c of cmds) by.set(`${c.name} ${c.coll}`, (by.get(`${c.name} ${c.coll}`) ?? 0) + 1);
  return cmds.length === 0 ? 'none' : [...by].map(([k, v]) => `${v}× ${k}`).join(', ');
};

/**
 * `n` GETs (after 5 warm-up requests) with `concurrency` in flight; prints one Markdown row:
 * label, in flight, p50/p95/p99 ms, answer size, database commands.
 */
export async function measureLine(
  db: DbCommands,
  label: string,
  next: () => Req,
  concurrency: number,
  n: number,
): Promise<void> {
  let kb = 0;
  for (let i = 0; i < 5; i++) await timed(next());
  const times: number[] = [];
  let left = n;
  const { cmds } = await db.count(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left-- > 0) {
          const r = await timed(next());
          times.push(r.ms);
          kb = r.kb;
        }
      }),
    ),
  );
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1);
  console.log(
    `| ${label} | ${concurrency} | ${f(pct(times, 50))} | ${f(pct(times, 95))} | ${f(pct(times, 99))} | ${kb.toFixed(1)} kB | ${summary(cmds)} |`,
  );
}
