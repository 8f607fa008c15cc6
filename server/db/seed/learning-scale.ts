import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { addDays } from '@shared/leave/days';
import { todayInBerlin } from '../../modules/leave/holidays';
import { CategoryModel } from '../../modules/learning/courses/category.model';
import { ContentModel, draftId, versionId } from '../../modules/learning/courses/content.model';
import type { StoredLesson, StoredModule } from '../../modules/learning/courses/content';
import { CourseModel } from '../../modules/learning/courses/course.model';
import {
  LearnerModel,
  type LearnerDoc,
  type StoredEnrolment,
} from '../../modules/learning/progress/learner.model';
import {
  CertificateModel,
  type StoredCertificate,
} from '../../modules/learning/progress/certificate.model';
import { newCertificateCode } from '../../modules/learning/progress/certificate.service';
import { AssignmentModel } from '../../modules/learning/mandatory/assignment.model';

/**
 * E-learning at city scale for the benchmark: bulk inserts in exactly the stored format of the
 * models (`learning_categories`, `learning_courses`, `learning_content` (v1 + draft),
 * `learning_learners`, `learning_certificates`, `learning_assignments`). Published courses with
 * 3 modules × 4 lessons (the last one a quiz); a third target one office, the rest everyone.
 * Every learner is enrolled in `enrolments` courses they can see, with progress; about a quarter
 * of the enrolments are completed (quiz passed, certificate issued).
 */
export interface LearningScaleOptions {
  courses: number;
  /** How many people (from the front of `people`) are learners. */
  learners: number;
  enrolments: number;
  /** Also enrol every learner in the first course for everyone (a city-wide mandatory training). */
  cityWide?: boolean;
  assignments: number;
  people: { id: string; displayName: string; officeId: string | null }[];
  /** Office unit ids (targets of office-only courses). */
  offices: string[];
  /** The HR person who "created" everything. */
  authorId: string;
  seed?: number;
  log?: (msg: string) => void;
}

export interface LearningScaleResult {
  courseIds: string[];
  categoryIds: string[];
  enrolments: number;
  completions: number;
  ms: number;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const categoryNames: [string, string][] = [
  ['Büro und Software', 'Office and software'],
  ['Kommunikation', 'Communication'],
  ['Bürgerservice', 'Citizen services'],
  ['Finanzen und Haushalt', 'Finance and budget'],
  ['Bauen und Umwelt', 'Building and environment'],
  ['Soziales', 'Social affairs'],
  ['Personal', 'Human resources'],
];
const topics = [
  'Excel',
  'E-Akte',
  'Vergaberecht',
  'Kassenrecht',
  'Bürgerkommunikation',
  'Konfliktmanagement',
  'Zeitmanagement',
  'Projektmanagement',
  'Haushaltsrecht',
  'Baurecht',
  'Sozialrecht',
  'Verwaltungsverfahrensgesetz',
  'Barrierefreie Dokumente',
  'Leichte Sprache',
  'Gesundheitsmanagement',
  'Brandschutz',
  'Telefonservice',
  'Interkulturelle Kompetenz',
  'Wissensmanagement',
  'Open Data',
  'Videokonferenzen',
  'Agiles Arbeiten',
  'Gendergerechte Sprache',
  'Mitarbeitergespräche',
];
const levels = ['Grundlagen', 'Aufbaukurs', 'für Fortgeschrittene', 'kompakt', 'in der Praxis'];
const paragraph =
  '<p>In dieser Lektion lernen Sie anhand von Beispielen aus der Stuttgarter Stadtverwaltung, worauf es ankommt. ' +
  'Lesen Sie den Text in Ruhe und notieren Sie Fragen für die Diskussion mit der Trainerin oder dem Trainer.</p>';

function lessonsFor(courseKey: string, topic: string): StoredModule[] {
  return [1, 2, 3].map((m) => ({
    id: `${courseKey}-m${m}`,
    title: `${topic}: Teil ${m}`,
    lessons: [1, 2, 3, 4].map((l): StoredLesson => {
      const id = `${courseKey}-m${m}-l${l}`;
      const base = {
        id,
        title: `${topic} – Lektion ${m}.${l}`,
        html: paragraph.repeat(3),
        mediaFileId: null,
        captionsFileId: null,
        transcript: '',
        fileIds: [],
        url: null,
        quiz: null,
      };
      if (m === 3 && l === 4) {
        return {
          ...base,
          type: 'quiz',
          title: `Abschlusstest ${topic}`,
          html: '<p>Vier Fragen, bestanden ab 75 %.</p>',
          quiz: {
            passingScore: 75,
            maxAttempts: 3,
            questions: [1, 2, 3, 4].map((q) => ({
              id: `${id}-q${q}`,
              kind: q % 2 ? 'single' : 'multiple',
              text: `Frage ${q} zu ${topic}: Welche Aussage trifft zu?`,
              options: ['a', 'b', 'c'].map((o, i) => ({
                id: `${id}-q${q}-${o}`,
                text: `Antwort ${o.toUpperCase()}`,
                correct: q % 2 ? i === 0 : i < 2,
              })),
              feedback: 'Die Lösung steht in Teil 2 dieses Kurses.',
            })),
          },
        };
      }
      if (l === 3) return { ...base, type: 'link', url: 'https://www.stuttgart.de/' };
      return { ...base, type: 'text' };
    }),
  }));
}

const DAY = 86_400_000;

export async function seedLearningScale(opts: LearningScaleOptions): Promise<LearningScaleResult> {
  const started = Date.now();
  const rand = prng(opts.seed ?? 8);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const log = opts.log ?? (() => undefined);
  const now = Date.now();
  const author = new Types.ObjectId(opts.authorId);

  // ---- categories: the ones there are (demo seed) plus the scale set ------------------------
  await CategoryModel.collection.insertMany(
    categoryNames.map(([de, en]) => ({
      _id: new Types.ObjectId(),
      name: { de, en },
      createdAt: new Date(now),
      updatedAt: new Date(now),
      __v: 0,
    })),
  );
  const categoryIds = (await CategoryModel.find({}, { _id: 1 }).lean()).map((c) => String(c._id));

  // ---- courses with their content (v1 + the draft, identical) -------------------------------
  const courseIds: string[] = [];
  const everyone: string[] = [];
  const byOffice = new Map<string, string[]>();
  const lessonIds = new Map<string, string[]>();
  const titles = new Map<string, string>();
  let courses: object[] = [];
  let contents: object[] = [];
  const flushCourses = async () => {
    if (!courses.length) return;
    await CourseModel.collection.insertMany(courses as never[], { ordered: false });
    await ContentModel.collection.insertMany(contents as never[], { ordered: false });
    courses = [];
    contents = [];
  };
  for (let i = 0; i < opts.courses; i++) {
    const _id = new Types.ObjectId();
    const id = String(_id);
    const topic = topics[i % topics.length] as string;
    const title = `${topic} ${levels[Math.floor(i / topics.length) % levels.length] as string} (${i + 1})`;
    const office = i % 3 === 0 && opts.offices.length ? pick(opts.offices) : null;
    const created = new Date(now - (30 + Math.floor(rand() * 700)) * DAY);
    const published = new Date(created.getTime() + 7 * DAY);
    const modules = lessonsFor(`c${i}`, topic);
    courses.push({
      _id,
      clientId: randomUUID(),
      kind: 'course',
      status: 'published',
      title,
      summary: `${topic}: was Sie im Arbeitsalltag der Stadtverwaltung brauchen.`,
      description: `<p>Ein Online-Kurs zu ${topic} mit zwölf Lektionen und Abschlusstest.</p>`,
      categoryId: new Types.ObjectId(pick(categoryIds)),
      tags: [topic, levels[i % levels.length] as string],
      language: i % 20 === 0 ? 'en' : 'de',
      estimatedMinutes: 30 + (i % 6) * 15,
      imageId: null,
      audience: office
        ? {
            units: [{ unitId: new Types.ObjectId(office), withSubunits: true }],
            roles: [],
            locationIds: [],
          }
        : { units: [], roles: [], locationIds: [] },
      trainerIds: [],
      completion: { allLessons: true, quizzesPassed: true },
      costCents: 0,
      hrConfirmationAlways: false,
      version: 1,
      publishedAt: published,
      publishedBy: author,
      createdBy: author,
      lessonCount: 12,
      rev: 3,
      createdAt: created,
      updatedAt: published,
      __v: 0,
    });
    const snapshot = {
      courseId: id,
      modules,
      assessment: [],
      baseVersion: 1,
      rev: 1,
      updatedAt: created,
      updatedBy: opts.authorId,
    };
    contents.push(
      { _id: draftId(id), ...snapshot, version: null, publishedAt: null, publishedBy: null },
      {
        _id: versionId(id, 1),
        ...snapshot,
        version: 1,
        publishedAt: published,
        publishedBy: opts.authorId,
      },
    );
    courseIds.push(id);
    titles.set(id, title);
    lessonIds.set(
      id,
      modules.flatMap((m) => m.lessons.map((l) => l.id)),
    );
    if (office) byOffice.set(office, [...(byOffice.get(office) ?? []), id]);
    else everyone.push(id);
    if (courses.length >= 100) {
      await flushCourses();
      if ((i + 1) % 500 === 0) log(`courses: ${i + 1} / ${opts.courses}`);
    }
  }
  await flushCourses();

  // ---- learners: enrolments with progress, a quarter completed with a certificate -----------
  let learners: LearnerDoc[] = [];
  let certificates: StoredCertificate[] = [];
  let enrolments = 0;
  let completions = 0;
  const flushLearners = async () => {
    if (learners.length)
      await LearnerModel.collection.insertMany(learners as never[], { ordered: false });
    if (certificates.length) {
      await CertificateModel.collection.insertMany(certificates as never[], { ordered: false });
    }
    learners = [];
    certificates = [];
  };
  const people = opts.people.slice(0, opts.learners);
  for (const [n, person] of people.entries()) {
    const visible = [
      ...everyone,
      ...(person.officeId ? (byOffice.get(person.officeId) ?? []) : []),
    ];
    const chosen = new Set<string>(opts.cityWide && everyone[0] ? [everyone[0]] : []);
    while (chosen.size < Math.min(opts.enrolments, visible.length)) chosen.add(pick(visible));
    const courses: Record<string, StoredEnrolment> = {};
    for (const courseId of chosen) {
      const lessons = lessonIds.get(courseId) ?? [];
      const enrolledAt = new Date(now - Math.floor(rand() * 300) * DAY);
      const complete = rand() < 0.25;
      const seen = complete ? lessons.length : Math.floor(rand() * (lessons.length - 1));
      const done: Record<string, string> = {};
      lessons.slice(0, seen).forEach((l, k) => {
        done[l] = new Date(enrolledAt.getTime() + k * 3_600_000).toISOString();
      });
      const quizId = lessons[lessons.length - 1] as string;
      const quizzes: StoredEnrolment['quizzes'] = complete
        ? { [quizId]: { attempts: 1 + Math.floor(rand() * 2), best: 100, passed: true } }
        : {};
      const completedAt = complete ? new Date(enrolledAt.getTime() + 12 * 3_600_000) : null;
      const code = complete ? newCertificateCode() : null;
      courses[courseId] = {
        enrolledAt,
        lastLessonId: lessons[Math.max(0, seen - 1)] ?? null,
        done,
        positions: {},
        quizzes,
        completedAt,
        completedVersion: complete ? 1 : null,
        certificateCode: code,
      };
      enrolments += 1;
      if (complete && code && completedAt) {
        completions += 1;
        certificates.push({
          _id: code,
          personId: person.id,
          personName: person.displayName,
          courseId,
          courseTitle: titles.get(courseId) ?? '',
          version: 1,
          completedAt,
          issuedAt: completedAt,
        });
      }
    }
    learners.push({ _id: person.id, courses, assessments: {}, rev: chosen.size });
    if (learners.length >= 1000) {
      await flushLearners();
      log(`learners: ${n + 1} / ${people.length}`);
    }
  }
  await flushLearners();

  // ---- mandatory assignments: half for everyone, half for one office. Deadlines ≥ 15 days ahead:
  // no reminder stage is due today, so the hourly sweep sends nothing during a benchmark.
  const today = todayInBerlin();
  const assignments = Array.from({ length: opts.assignments }, (_, i) => {
    const office = i % 2 && opts.offices.length ? pick(opts.offices) : null;
    const courseId = office ? pick(byOffice.get(office) ?? everyone) : pick(everyone);
    const at = new Date(now - (10 + i) * DAY);
    return {
      _id: new Types.ObjectId(),
      clientId: randomUUID(),
      courseId: new Types.ObjectId(courseId),
      audience: office
        ? {
            units: [{ unitId: new Types.ObjectId(office), withSubunits: true }],
            roles: [],
            locationIds: [],
          }
        : { units: [], roles: [], locationIds: [] },
      deadline: addDays(today, 15 + i * 4),
      reminderDays: [14, 3],
      note: '',
      active: true,
      createdBy: author,
      rev: 0,
      createdAt: at,
      updatedAt: at,
      __v: 0,
    };
  });
  if (assignments.length) await AssignmentModel.collection.insertMany(assignments as never[]);
  return { courseIds, categoryIds, enrolments, completions, ms: Date.now() - started };
}
