// Helpers for the team rooms browser tests: signed-in API clients for setup and server-side
// checks (rooms, members, posts, uploads, tasks, events), a socket that records `rooms:*` events,
// browser contexts per person and screenshots.
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { RoomCreateInput } from '@shared/rooms/schemas';
import type {
  PostDTO,
  RoomDTO,
  RoomFileDTO,
  RoomFileRefDTO,
  RoomFilesDTO,
  RoomInviteResultDTO,
  RoomSummaryDTO,
} from '@shared/rooms/types';
import { expect, login, DEMO_PASSWORD } from '../fixtures';
import { ApiSession } from './chat-harness';

export const e2eBase = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
export const uniq = () => randomUUID().slice(0, 8);

export const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

/** Saves a full-page screenshot to /tmp/shots/rooms-<name>.png. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/rooms-${name}.png`, fullPage: true });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A signed-in browser context of a demo account. */
export async function as(
  browser: Browser,
  username: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: e2eBase(),
    locale: 'de-DE',
    viewport,
  });
  const page = await context.newPage();
  await login(page, username);
  return { context, page };
}

/** A 1×1 PNG (a real image: the upload classifier reads magic bytes). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A real PNG of `width`×`height`: blue with a yellow band (something to see in a preview). */
export function pngImage(width = 480, height = 270): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const band = y > height * 0.4 && y < height * 0.6;
    for (let x = 0; x < width; x++) {
      rows.set(band ? [255, 204, 0] : [16, 60, 130], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export class RoomsApi {
  constructor(readonly s: ApiSession) {}

  static async login(username: string, password = DEMO_PASSWORD, base = e2eBase()) {
    return new RoomsApi(await ApiSession.login(base, username, password));
  }

  get personId() {
    return this.s.personId;
  }

  async ok<T>(method: string, path: string, body?: unknown, status = [200, 201]): Promise<T> {
    const res = await this.s.request<{ data: T }>(method, path, body);
    expect(status, `${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`).toContain(
      res.status,
    );
    return res.body.data;
  }

  status(method: string, path: string, body?: unknown) {
    return this.s.request(method, path, body).then((r) => r.status);
  }

  /** Status of a GET that may stream a file (the body is drained). */
  async rawStatus(path: string): Promise<number> {
    const res = await fetch(`${this.s.base}${path}`, {
      headers: { cookie: this.s.cookie, origin: this.s.base },
    });
    await res.arrayBuffer();
    return res.status;
  }

  createRoom(input: Partial<RoomCreateInput> & { name: string }): Promise<RoomDTO> {
    return this.ok<RoomDTO>('POST', '/api/rooms', {
      clientId: randomUUID(),
      visibility: 'closed',
      template: 'project',
      description: 'Für Browsertests.',
      ...input,
    });
  }

  room(roomId: string): Promise<RoomDTO> {
    return this.ok<RoomDTO>('GET', `/api/rooms/${roomId}`);
  }

  async list(scope: 'mine' | 'discover', q?: string) {
    const qs = new URLSearchParams({ scope, ...(q ? { q } : {}) });
    const res = await this.s.request<{ data: RoomSummaryDTO[]; total: number }>(
      'GET',
      `/api/rooms?${qs}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The id of a room the caller is a member of, by its exact name. */
  async myRoomId(name: string): Promise<string> {
    const { data } = await this.list('mine', name);
    const room = data.find((r) => r.name === name);
    expect(room, `room "${name}" among my rooms`).toBeTruthy();
    return room!.id;
  }

  invite(roomId: string, personIds: string[], unitIds: string[] = []) {
    return this.ok<RoomInviteResultDTO>('POST', `/api/rooms/${roomId}/members`, {
      personIds,
      unitIds,
    });
  }

  post(roomId: string, body: string, fileIds: string[] = []): Promise<PostDTO> {
    return this.ok<PostDTO>('POST', `/api/rooms/${roomId}/posts`, {
      id: randomUUID(),
      body,
      fileIds,
    });
  }

  files(roomId: string, folderId?: string): Promise<RoomFilesDTO> {
    return this.ok<RoomFilesDTO>(
      'GET',
      `/api/rooms/${roomId}/files${folderId ? `?folderId=${folderId}` : ''}`,
    );
  }

  private async multipart<T>(path: string, fields: Record<string, string>, file: UploadFile) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append(
      'file',
      new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }),
      file.name,
    );
    const res = await fetch(`${this.s.base}${path}`, {
      method: 'POST',
      headers: { cookie: this.s.cookie, origin: this.s.base, 'x-csrf-token': this.s.csrf },
      body: form,
    });
    expect([200, 201], `POST ${path}: ${await res.clone().text()}`).toContain(res.status);
    return ((await res.json()) as { data: T }).data;
  }

  /** A file in the room's Dateien (answer shape: the file, possibly wrapped). */
  async uploadFile(roomId: string, file: UploadFile, folderId?: string): Promise<RoomFileDTO> {
    const data = await this.multipart<RoomFileDTO | { file: RoomFileDTO }>(
      `/api/rooms/${roomId}/files`,
      folderId ? { folderId } : {},
      file,
    );
    return 'file' in data ? data.file : data;
  }

  uploadPostFile(roomId: string, file: UploadFile): Promise<RoomFileRefDTO> {
    return this.multipart<RoomFileRefDTO>(`/api/rooms/${roomId}/post-files`, {}, file);
  }

  createTask(roomId: string, title: string, status: 'todo' | 'doing' | 'done' = 'todo') {
    return this.ok<{ id: string; title: string }>('POST', `/api/rooms/${roomId}/tasks`, {
      id: randomUUID(),
      title,
      description: '',
      status,
      assigneeIds: [],
      due: null,
    });
  }

  createEvent(roomId: string, title: string, inDays = 3) {
    const start = new Date(Date.now() + inDays * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const end = new Date(start.getTime() + 3_600_000);
    return this.ok<{ id: string; title: string }>('POST', `/api/rooms/${roomId}/events`, {
      id: randomUUID(),
      title,
      start: start.toISOString(),
      end: end.toISOString(),
      place: 'Rathaus, Raum 101',
    });
  }
}

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const textFile = (name: string, text = `Inhalt von ${name}\n`): UploadFile => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text),
});

/** A Socket.IO client of a person (own session) that records every `rooms:*` event. */
export class RoomsSocket {
  readonly events: { name: string; payload: { roomId?: string } }[] = [];
  private constructor(private readonly socket: Socket) {}

  static async connect(api: RoomsApi): Promise<RoomsSocket> {
    const base = api.s.base;
    const socket = io(base, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: api.s.cookie, origin: base },
    });
    const me = new RoomsSocket(socket);
    socket.onAny((name: string, payload: { roomId?: string }) => {
      if (name.startsWith('rooms:')) me.events.push({ name, payload: payload ?? {} });
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket: no connection')), 15_000);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return me;
  }

  of(roomId: string, name?: string) {
    return this.events.filter(
      (e) => e.payload.roomId === roomId && (name === undefined || e.name === name),
    );
  }

  close() {
    this.socket.close();
  }
}

/**
 * Any script an XSS payload manages to run sets `window.__xss` or opens a dialog; both are
 * recorded. Install before the first navigation of the context.
 */
export async function trapScripts(context: BrowserContext): Promise<() => string[]> {
  const hits: string[] = [];
  await context.addInitScript(() => {
    Object.defineProperty(window, '__xss', {
      set(v: unknown) {
        document.documentElement.dataset.xss = String(v);
      },
      configurable: true,
    });
  });
  const watch = (p: Page) =>
    p.on('dialog', (d) => void (hits.push(`dialog: ${d.message()}`), d.dismiss()));
  context.on('page', watch);
  context.pages().forEach(watch);
  return () => hits;
}

export const xssFlag = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset.xss ?? null);

/** The room's tab navigation. */
export const roomTabs = (page: Page) =>
  page.getByRole('navigation', { name: 'Bereiche des Raums' });
