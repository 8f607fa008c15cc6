import type {
  AnnouncementDTO,
  CourseAbilities,
  CourseDTO,
  ReplyDTO,
  ThreadDTO,
} from '@shared/learning/types';
import type { PersonRef } from '@shared/people/types';

/** Fixtures and a tiny stateful fetch stub for the discussion panel tests (no msw). */
export const courseId = '64b0000000000000000000c1';
export const ME = '64b000000000000000000001';

export const person = (id: string, displayName: string): PersonRef => ({
  id,
  displayName,
  position: null,
  unitId: null,
  initials: displayName.slice(0, 2),
  photoUrl: null,
});
export const trainer = person('64b0000000000000000000a1', 'Tina Trainer');
export const learner = person('64b0000000000000000000b2', 'Lars Lernend');

const abilities = (over: Partial<CourseAbilities>): CourseAbilities => ({
  view: true,
  enrol: false,
  edit: false,
  publish: false,
  archive: false,
  administer: false,
  seeLearners: false,
  announce: false,
  discuss: true,
  manageSessions: false,
  ...over,
});

export const course = (
  over: Partial<CourseAbilities> = {},
  status: CourseDTO['status'] = 'published',
) =>
  ({
    id: courseId,
    title: 'Datenschutz',
    status,
    trainers: [trainer],
    enrolment: null,
    abilities: abilities(over),
  }) as unknown as CourseDTO;

export const reply = (over: Partial<ReplyDTO> = {}): ReplyDTO => ({
  id: '20000000-0000-4000-8000-000000000001',
  author: trainer,
  byTrainer: true,
  body: 'Drei Jahre.',
  createdAt: '2026-05-04T08:00:00.000Z',
  abilities: { delete: false },
  ...over,
});

export const thread = (over: Partial<ThreadDTO> = {}): ThreadDTO => ({
  id: '10000000-0000-4000-8000-000000000001',
  courseId,
  title: 'Wie lange gilt das Zertifikat?',
  body: 'Muss ich jährlich wiederholen?',
  author: learner,
  byTrainer: false,
  createdAt: '2026-05-04T07:00:00.000Z',
  lastActivityAt: '2026-05-04T08:00:00.000Z',
  answered: false,
  replies: [],
  abilities: { reply: true, delete: false },
  ...over,
});

export const announcement = (over: Partial<AnnouncementDTO> = {}): AnnouncementDTO => ({
  id: '30000000-0000-4000-8000-000000000001',
  courseId,
  title: 'Neuer Termin',
  body: 'Die Präsenzsitzung ist verschoben.',
  author: trainer,
  createdAt: '2026-05-04T09:00:00.000Z',
  ...over,
});

type Handler = (body: unknown, path: string) => unknown;

/**
 * A fetch stub answering `METHOD /path` from handlers (their result is sent as `{ data }`, or as
 * is when it is a Response); records every call. Unknown routes answer 404.
 */
export function stubApi(handlers: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), window.location.origin);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    if (url.pathname === '/api/auth/csrf') return Response.json({ token: 't' });
    calls.push({ method, path: url.pathname, body });
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) {
      return Response.json({ error: { code: 'not_found', message: 'x' } }, { status: 404 });
    }
    const result = handler(body, url.pathname);
    if (result instanceof Response) return result;
    if (result === undefined) return new Response(null, { status: 204 });
    return Response.json({ data: result });
  };
  return { fn, calls };
}
