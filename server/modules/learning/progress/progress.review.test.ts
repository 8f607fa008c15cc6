import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateDTO, QuizResultDTO } from '@shared/learning/types';
import { useTestDatabase } from '../../../test/db';
import { CertificateModel } from './certificate.model';
import { resetCertificateCache } from './certificate.service';
import { get, makeCourse, makeWorld, rightAnswers, send, type World } from './progress.fixtures';

/** Review findings (L8-R): repairs after a write that stopped half-way. */
useTestDatabase();

let w: World;
const base = (id: string) => `/api/learning/courses/${id}`;

beforeAll(async () => {
  w = await makeWorld();
});

describe('certificate after a completion whose certificate write was lost', () => {
  it('verifying the code stored on the enrolment issues the missing certificate once', async () => {
    const c = await makeCourse(w);
    await send(w, 'learner', 'post', `${base(c)}/enrol`).expect(200);
    for (const lessonId of ['lesson-1', 'lesson-2']) {
      await send(w, 'learner', 'post', `${base(c)}/progress`, { lessonId, done: true }).expect(200);
    }
    const res = await send(w, 'learner', 'post', `${base(c)}/lessons/quiz-1/attempts`, {
      attemptId: randomUUID(),
      answers: rightAnswers,
    }).expect(200);
    const code = (res.body.data as QuizResultDTO).enrolment.certificateCode as string;
    expect(code).toMatch(/^[0-9A-Z]{10}$/);

    // The completion was written, the process stopped before the certificate insert.
    await CertificateModel.deleteOne({ _id: code });
    resetCertificateCache();

    const [a, b] = await Promise.all([
      get(w, 'colleague', `/api/learning/certificates/${code}`),
      get(w, 'learner', `/api/learning/certificates/${code}`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const cert = a.body.data as CertificateDTO;
    expect(cert).toMatchObject({ code, courseId: c, person: { id: w.ids.learner } });
    expect(await CertificateModel.countDocuments({ personId: w.ids.learner, courseId: c })).toBe(1);
    // An unknown code stays unknown.
    await get(w, 'colleague', '/api/learning/certificates/ZZZZZZZZZZ').expect(404);
  });
});
