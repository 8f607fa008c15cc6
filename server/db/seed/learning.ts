import {
  courseContentSchema,
  sessionInputSchema,
  type CourseContentInput,
  type CourseKind,
  type CourseUpdateInput,
} from '@shared/learning/schemas';
import type { Audience } from '@shared/org/audience';
import { addDays } from '@shared/leave/days';
import type { CurrentUser } from '../../modules/auth/current-user';
import { loadCurrentUser } from '../../modules/auth/authenticate';
import { approverInfo } from '../../modules/leave/approver';
import { todayInBerlin } from '../../modules/leave/holidays';
import { uuidV5 } from '../../modules/rooms/integrations/uuid5';
import { categoryMap, createCategory } from '../../modules/learning/courses/category.service';
import { courseById } from '../../modules/learning/courses/course-index';
import { createCourse, updateCourse } from '../../modules/learning/courses/course.service';
import { draftContent } from '../../modules/learning/courses/content';
import { publishDraft, putDraft } from '../../modules/learning/courses/draft.service';
import { uploadCourseFile } from '../../modules/learning/courses/files.service';
import { enrol, recordProgress } from '../../modules/learning/progress/progress.service';
import { submitAttempt } from '../../modules/learning/progress/attempt.service';
import {
  createAnnouncement,
  addReply,
  createThread,
} from '../../modules/learning/discussion/discussion.service';
import { createSession } from '../../modules/learning/trainings/session.service';
import {
  createRegistration,
  decideRegistration,
} from '../../modules/learning/trainings/registration.service';
import { registrationIndex } from '../../modules/learning/trainings/registration-index';
import { createAssignment } from '../../modules/learning/mandatory/assignment.service';
import type { PersonRow, UnitRow } from './build';
import { demoPdf } from './rooms-content';
import {
  DSGVO_LESSONS,
  INFOSEC,
  demoCategories,
  digitalCheckContent,
  dsgvoContent,
  firstAidContent,
  infosecContent,
  infosecRightAnswers,
  moderationContent,
  partTimeLeadershipContent,
  phishingCaptions,
  silentWav,
} from './learning-content';

/**
 * The demo e-learning (README "Demo accounts"), written through the learning module's own services
 * (courses, drafts, files, publishing, progress, quiz attempts, discussion, sessions, registrations
 * and mandatory assignments), so every document is what the app writes. Idempotent: every create
 * carries a fixed client id (or is looked up by name), meta and content are only written while a
 * course is unpublished, and decisions only while a registration still waits for them.
 */
const NAMESPACE = '8f2b6c1e-4d7a-4b3e-9c5f-1a2e3d4c5b6a';
export const demoLearningId = (key: string) => uuidV5(`demo-learning:${key}`, NAMESPACE);

const EVERYONE: Audience = { units: [], roles: [], locationIds: [] };

type Demo = { people: PersonRow[]; units: UnitRow[] };

/** The next Monday–Thursday on or after `day` (a training day in the coming weeks). */
function workday(day: string): string {
  let d = day;
  while ([0, 5, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

export async function insertDemoLearning(demo: Demo): Promise<void> {
  const today = todayInBerlin();
  const byName = new Map(demo.people.map((p) => [p.username, p]));
  const unitByNumber = new Map(demo.units.map((u) => [u.number ?? '', u]));
  const row = (username: string): PersonRow => {
    const p = byName.get(username);
    if (!p) throw new Error(`demo learning: no person ${username}`);
    return p;
  };
  const users = new Map<string, CurrentUser>();
  const user = async (p: PersonRow): Promise<CurrentUser> => {
    const id = String(p._id);
    let u = users.get(id);
    if (!u) {
      const loaded = await loadCurrentUser(id, 'demo-seed');
      if (!loaded) throw new Error(`demo learning: ${p.username} cannot act`);
      users.set(id, (u = loaded));
    }
    return u;
  };
  const as = (username: string) => user(row(username));
  const hr = await as('hr');

  // ---- categories (tiny: looked up by German name) ------------------------------------------
  const categoryId = new Map<string, string>();
  for (const c of demoCategories) {
    const known = [...(await categoryMap()).values()].find((k) => k.name.de === c.de);
    const id = known?.id ?? (await createCategory(hr, { name: { de: c.de, en: c.en } })).id;
    categoryId.set(c.key, id);
  }

  /** Creates (or finds) a course; meta and content only while it was never published. */
  async function course(
    key: string,
    kind: CourseKind,
    title: string,
    meta: Omit<CourseUpdateInput, 'rev' | 'title'>,
    content: (courseId: string) => Promise<CourseContentInput>,
    publish = true,
  ): Promise<string> {
    const { course: made } = await createCourse(hr, { clientId: demoLearningId(key), kind, title });
    const id = made.id;
    const current = await courseById(id);
    if (!current || current.version > 0) return id;
    if (current.rev === 0) await updateCourse(hr, id, { rev: 0, ...meta });
    const draft = await draftContent(id);
    if (!draft || draft.modules.length + draft.assessment.length === 0) {
      const input = courseContentSchema.parse({
        ...(await content(id)),
        rev: draft?.rev ?? 0,
      });
      await putDraft(hr, id, input);
    }
    if (publish) await publishDraft(hr, id, (await draftContent(id))?.rev ?? 0);
    return id;
  }

  // ---- Informationssicherheit: every lesson type, mandatory for everyone --------------------
  const infosec = await course(
    'infosec',
    'course',
    'Informationssicherheit im Arbeitsalltag',
    {
      summary:
        'Phishing erkennen, Passwörter sicher wählen, den Arbeitsplatz schützen: die Pflichtschulung für alle Beschäftigten.',
      description:
        '<p>In rund 30 Minuten lernen Sie die wichtigsten Regeln für sicheres Arbeiten mit den IT-Systemen der Stadt. Mit Abschlusstest und Teilnahmebescheinigung.</p>',
      categoryId: categoryId.get('itsec'),
      tags: ['Pflichtschulung', 'Phishing', 'Passwörter'],
      estimatedMinutes: 30,
      audience: EVERYONE,
      completion: { allLessons: true, quizzesPassed: true },
    },
    async (id) => {
      const upload = async (
        name: string,
        buffer: Buffer,
        purpose: 'media' | 'captions' | 'document',
      ) =>
        (
          await uploadCourseFile(
            hr,
            id,
            { buffer, originalname: name },
            purpose,
            demoLearningId(`infosec:file:${name}`),
          )
        ).id;
      return infosecContent({
        pdf: await upload(
          'Merkblatt-Informationssicherheit.pdf',
          demoPdf('Merkblatt Informationssicherheit - Landeshauptstadt Stuttgart'),
          'document',
        ),
        media: await upload('Phishing-erkennen.wav', silentWav(), 'media'),
        captions: await upload('Phishing-erkennen.vtt', phishingCaptions, 'captions'),
      });
    },
  );
  await createAssignment(hr, {
    clientId: demoLearningId('assignment:infosec'),
    courseId: infosec,
    audience: EVERYONE,
    deadline: addDays(today, 21),
    reminderDays: [14, 3],
    note: 'Pflichtschulung nach der Dienstanweisung Informationssicherheit.',
  });
  // employee started (two lessons seen); employee2 completed it (quiz passed, certificate).
  const employee = await as('employee');
  await enrol(employee, infosec);
  await recordProgress(employee, infosec, { lessonId: INFOSEC.text, done: true });
  await recordProgress(employee, infosec, { lessonId: INFOSEC.link, done: true });
  const employee2 = await as('employee2');
  await enrol(employee2, infosec);
  for (const lessonId of [INFOSEC.text, INFOSEC.link, INFOSEC.pdf, INFOSEC.media]) {
    await recordProgress(employee2, infosec, { lessonId, done: true });
  }
  await submitAttempt(employee2, infosec, INFOSEC.quiz, {
    attemptId: demoLearningId('infosec:attempt:employee2'),
    answers: infosecRightAnswers,
  });

  // ---- Datenschutz: employee's office, trainer editor, discussion and announcement ----------
  const office = String(row('employee').unitId);
  const officeId = String(
    demo.units.find((u) => String(u._id) === office)?.path[0] ?? row('employee').unitId,
  );
  const editor = await as('editor');
  const dsgvo = await course(
    'dsgvo',
    'course',
    'Datenschutz (DSGVO) kompakt',
    {
      summary: 'Was die Datenschutz-Grundverordnung für die tägliche Sachbearbeitung bedeutet.',
      description:
        '<p>Grundsätze, Betroffenenrechte und das richtige Verhalten bei einer Datenpanne – mit Beispielen aus der Stadtkämmerei.</p>',
      categoryId: categoryId.get('law'),
      tags: ['DSGVO', 'Datenschutz'],
      estimatedMinutes: 20,
      audience: { units: [{ unitId: officeId, withSubunits: true }], roles: [], locationIds: [] },
      trainerIds: [String(row('editor')._id)],
      completion: { allLessons: true, quizzesPassed: true },
    },
    () => Promise.resolve(dsgvoContent),
  );
  await enrol(employee, dsgvo);
  await recordProgress(employee, dsgvo, { lessonId: DSGVO_LESSONS[0] as string, done: true });
  const thread = demoLearningId('dsgvo:thread:1');
  await createThread(employee, dsgvo, {
    clientId: thread,
    title: 'Dürfen wir Bescheide per E-Mail verschicken?',
    body: 'Eine Bürgerin bittet darum, ihren Grundsteuerbescheid per E-Mail zu bekommen. Ist das erlaubt, wenn sie selbst zustimmt?',
  });
  await addReply(editor, dsgvo, thread, {
    clientId: demoLearningId('dsgvo:reply:1'),
    body: 'Gute Frage! Bescheide mit Steuerdaten bitte nur über das Bürgerpostfach (Service-BW) oder per Post. Eine unverschlüsselte E-Mail reicht auch mit Einwilligung nicht. Details stehen in Lektion 3.',
  });
  await createAnnouncement(editor, dsgvo, {
    clientId: demoLearningId('dsgvo:announcement:1'),
    title: 'Neue Lektion zur Datenpanne',
    body: 'Die Lektion "Datenpanne – was nun?" ist neu: mit der Meldefrist von 72 Stunden und den Ansprechpersonen in Ihrem Amt.',
  });

  // ---- Digital-Check: self-assessment for everyone -----------------------------------------
  await course(
    'digital-check',
    'self_assessment',
    'Digital-Check: Wie fit bin ich digital?',
    {
      summary: 'Zwölf Aussagen in vier Bereichen: Ihr persönliches Profil, das nur Sie sehen.',
      categoryId: categoryId.get('digital'),
      tags: ['Selbsteinschätzung'],
      estimatedMinutes: 10,
      audience: EVERYONE,
    },
    () => Promise.resolve(digitalCheckContent),
  );

  // ---- Moderation von Besprechungen: training with cost, two sessions, registrations --------
  const mover = await as('mover');
  const moderation = await course(
    'moderation',
    'training',
    'Moderation von Besprechungen',
    {
      summary: 'Besprechungen zielgerichtet leiten: Vorbereitung, Methoden, Ergebnissicherung.',
      description:
        '<p>Ein praxisnahes Seminar für alle, die Besprechungen leiten oder leiten möchten. Kosten: 120 € je Person (Kostenstelle des Amtes).</p>',
      categoryId: categoryId.get('lead'),
      tags: ['Moderation', 'Kommunikation'],
      estimatedMinutes: 420,
      audience: EVERYONE,
      trainerIds: [String(row('mover')._id)],
      costCents: 12_000,
    },
    () => Promise.resolve(moderationContent),
  );
  const classroomDay = workday(addDays(today, 14));
  const { session: classroom } = await createSession(
    mover,
    moderation,
    sessionInputSchema.parse({
      clientId: demoLearningId('moderation:session:classroom'),
      days: [{ date: classroomDay, start: '09:00', end: '16:00' }],
      format: 'classroom',
      place: 'Rathaus, Marktplatz 1, Raum 204',
      seats: 3,
      trainerIds: [String(row('mover')._id)],
    }),
  );
  const { session: online } = await createSession(
    mover,
    moderation,
    sessionInputSchema.parse({
      clientId: demoLearningId('moderation:session:online'),
      days: [{ date: workday(addDays(today, 28)), start: '13:00', end: '16:30' }],
      format: 'online',
      onlineUrl: 'https://meet.stuttgart.example/moderation-seminar',
      seats: null,
      trainerIds: [String(row('mover')._id)],
    }),
  );

  /** Registers a person and, if asked, takes the registration through both approval steps. */
  async function register(key: string, person: PersonRow, sessionId: string, confirm: boolean) {
    const id = demoLearningId(`registration:${key}`);
    const me = await user(person);
    await createRegistration(me, sessionId, { clientId: id, note: '' });
    for (let step = 0; confirm && step < 2; step++) {
      const reg = (await registrationIndex()).get(id);
      if (!reg) return;
      let decider: CurrentUser | null = null;
      if (reg.status === 'pending_manager') {
        const approver = (await approverInfo(reg.personId, today)).effective;
        const p = approver ? demo.people.find((x) => String(x._id) === approver) : undefined;
        decider = p ? await user(p) : null;
      } else if (reg.status === 'pending_hr') decider = hr;
      if (!decider) return;
      await decideRegistration(decider, id, { rev: reg.rev, decision: 'approve', reason: '' });
    }
  }
  // `employee` waits for `manager`; the 3-seat session: three confirmed (one in manager's unit,
  // so the team calendar shows the day), a fourth on the waiting list.
  await register('employee:online', row('employee'), online.id, false);
  const teamMate = demo.people.find(
    (p) =>
      String(p.unitId) === String(row('manager').unitId) &&
      !['employee', 'manager'].includes(p.username),
  );
  const others = ['50', '62', '32'].map((n) =>
    demo.people.find(
      (p) =>
        String(p.unitId) === String(unitByNumber.get(`${n}-1`)?._id) &&
        String(unitByNumber.get(`${n}-1`)?.leaderId) !== String(p._id),
    ),
  );
  const seated = [others[0], others[1], teamMate].filter((p): p is PersonRow => !!p);
  for (const p of seated) await register(`classroom:${p.username}`, p, classroom.id, true);
  if (others[2]) await register(`classroom:${others[2].username}`, others[2], classroom.id, true);

  // ---- Erste Hilfe: free, unlimited, one session --------------------------------------------
  const firstAid = await course(
    'first-aid',
    'training',
    'Erste Hilfe Auffrischung',
    {
      summary: 'Die vorgeschriebene Auffrischung für betriebliche Ersthelferinnen und Ersthelfer.',
      categoryId: categoryId.get('safety'),
      tags: ['Ersthelfer', 'DGUV'],
      estimatedMinutes: 480,
      audience: EVERYONE,
      costCents: 0,
    },
    () => Promise.resolve(firstAidContent),
  );
  await createSession(
    hr,
    firstAid,
    sessionInputSchema.parse({
      clientId: demoLearningId('first-aid:session:1'),
      days: [{ date: workday(addDays(today, 35)), start: '08:30', end: '16:00' }],
      format: 'classroom',
      place: 'Branddirektion, Mercedesstraße 33, Schulungsraum 1',
      seats: null,
    }),
  );

  // ---- Führen in Teilzeit: a draft that was never published ----------------------------------
  await course(
    'teilzeit',
    'course',
    'Führen in Teilzeit',
    {
      summary: 'Entwurf: geteilte Führung und Führen in Teilzeit.',
      categoryId: categoryId.get('lead'),
      audience: EVERYONE,
    },
    () => Promise.resolve(partTimeLeadershipContent),
    false,
  );
}
