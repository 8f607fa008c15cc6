/** Client side of `npm run bench -- chat`: sockets, probes, percentiles. */
import { readFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';

export interface ProbeReading {
  cpuMs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  gc: boolean;
  at: number;
}

/** CPU time and memory of a server process that preloads `chat-probe.ts`. */
export async function probe(port: number, gc = false): Promise<ProbeReading> {
  const res = await fetch(`http://127.0.0.1:${port}/probe${gc ? '?gc=1' : ''}`);
  return (await res.json()) as ProbeReading;
}

/** A portal socket as a browser tab opens it: session cookie and our Origin, WebSocket only. */
export function portalSocket(base: string, cookie: string): Socket {
  return io(base, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true, // one connection per client, no multiplexing over one manager
    reconnection: false,
    extraHeaders: { cookie, origin: base },
  });
}

export function bareSocket(base: string, userId: string, conversationIds: string[]): Socket {
  return io(base, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { userId, conversationIds },
  });
}

const connected = (s: Socket, timeoutMs: number) =>
  new Promise<void>((resolve, reject) => {
    if (s.connected) return resolve();
    const timer = setTimeout(() => reject(new Error('socket connect timeout')), timeoutMs);
    s.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    s.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });

/** Opens `count` sockets, `batch` at a time, each waited for before the next batch starts. */
export async function connectMany(
  count: number,
  open: (i: number) => Socket,
  batch = 200,
  onProgress?: (done: number) => void,
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += batch) {
    const part = Array.from({ length: Math.min(batch, count - i) }, (_, k) => open(i + k));
    sockets.push(...part);
    await Promise.all(part.map((s) => connected(s, 60_000)));
    onProgress?.(sockets.length);
  }
  return sockets;
}

export function closeAll(sockets: Socket[]): void {
  for (const s of sockets) {
    s.removeAllListeners();
    s.disconnect();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** CPU time (ms) of a process's direct children, e.g. the portal's embedded FerretDB (Linux). */
export function childrenCpuMs(parentPid: number): number {
  let total = 0;
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${parentPid}/task/${parentPid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
  } catch {
    return 0;
  }
  for (const pid of children) {
    try {
      // Fields after the command name: utime and stime are the 12th and 13th (clock ticks, 100/s).
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // exited
    }
  }
  return total;
}
