import { randomInt } from 'node:crypto';
import { notFound } from '../../../lib/errors';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { peopleFromDirectory } from '../../people/directory-index';
import { courseById, type CourseMeta } from '../courses/course-index';
import { CertificateModel, type StoredCertificate } from './certificate.model';
import { certificateHolder, learnerIndexReady } from './learner-index';
import { changeLearner } from './learner.store';
import { presentCertificate } from './progress.presenter';

/** Crockford base32 (no I, L, O, U: nothing to misread when typing a code from paper). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;
const codePattern = /^[0-9A-HJKMNP-TV-Z]{10}$/;

export function newCertificateCode(): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** What a person types: case and the usual look-alikes (O→0, I/L→1) do not matter. */
export function normaliseCode(raw: string): string | null {
  const code = raw.trim().toUpperCase().replace(/-/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return codePattern.test(code) ? code : null;
}

// Certificates never change: cache them by code (a miss is not pinned).
const certificates = createKeyedCache<StoredCertificate | null>({
  name: 'learning-certificates',
  max: 5000,
  load: (code) => CertificateModel.findById(code).lean<StoredCertificate>(),
});

const isDuplicateKey = (err: unknown) => (err as { code?: unknown } | null)?.code === 11000;

/**
 * Stores the certificate for a completion that was just recorded with `code` (exactly once: only
 * the write that set `completedAt` calls this). A code already taken (1 in 32^10) gets a new one,
 * written back to the enrolment.
 */
export async function issueCertificate(
  personId: string,
  course: CourseMeta,
  version: number,
  completedAt: Date,
  code: string,
): Promise<string> {
  const [person] = await peopleFromDirectory([personId]);
  for (let tries = 0; ; tries += 1) {
    const doc: StoredCertificate = {
      _id: tries === 0 ? code : newCertificateCode(),
      personId,
      personName: person?.displayName ?? '',
      courseId: course.id,
      courseTitle: course.title,
      version,
      completedAt,
      issuedAt: new Date(),
    };
    try {
      await CertificateModel.collection.insertOne(doc as never);
    } catch (err) {
      if (isDuplicateKey(err) && tries < 5) continue;
      throw err;
    }
    certificates.set(doc._id, doc);
    if (doc._id !== code) {
      await changeLearner(personId, (learner) => {
        const e = learner.courses[course.id];
        if (!e) return { result: undefined };
        return { result: undefined, courses: { [course.id]: { ...e, certificateCode: doc._id } } };
      });
    }
    return doc._id;
  }
}

/** Tests: forget the cached certificates. */
export const resetCertificateCache = () => certificates.clear();

/**
 * The certificate of a completion whose certificate insert never happened (the process stopped
 * between the completion write and the insert, or the insert failed): nothing else retries it, so
 * a verification miss for a code that an enrolment holds stores it now, with that code.
 */
async function repairCertificate(code: string): Promise<StoredCertificate | null> {
  await learnerIndexReady();
  const held = certificateHolder(code);
  if (!held?.enrolment.completedAt) return null;
  const course = await courseById(held.courseId);
  if (!course) return null;
  const [person] = await peopleFromDirectory([held.personId]);
  const doc: StoredCertificate = {
    _id: code,
    personId: held.personId,
    personName: person?.displayName ?? '',
    courseId: course.id,
    courseTitle: course.title,
    version: held.enrolment.completedVersion ?? course.version,
    completedAt: held.enrolment.completedAt,
    issuedAt: new Date(),
  };
  try {
    await CertificateModel.collection.insertOne(doc as never);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Repaired meanwhile (another request or instance): the stored one counts.
    return CertificateModel.findById(code).lean<StoredCertificate>();
  }
  return doc;
}

/** Verification: any signed-in person; 404 for an unknown code. */
export async function certificateByCode(raw: string) {
  const code = normaliseCode(raw);
  if (!code) throw notFound();
  let c = await certificates.get(code);
  if (!c) {
    certificates.invalidate(code);
    c = await repairCertificate(code);
    if (!c) throw notFound();
    certificates.set(code, c);
  }
  return presentCertificate(c);
}
