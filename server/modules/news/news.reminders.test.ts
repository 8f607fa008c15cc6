import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { NotificationModel } from '../notifications/notification.model';
import { storeAck } from './ack.store';
import { makeArticle, makeNewsOrg, type NewsOrg } from './engagement.fixtures';
import {
  rememberedReminderMarkers,
  resetReminderMarkers,
  sendDueReminders,
} from './news.reminders';

useTestDatabase();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let org: NewsOrg;

beforeAll(async () => {
  org = await makeNewsOrg();
});

const remindersFor = (articleId: string) =>
  NotificationModel.find({ kind: 'news.reminder', link: `/news/${articleId}` }).lean();

describe('acknowledgement reminders', () => {
  it('reminds the audience members who have not confirmed, 3 days and 1 day before, once each', async () => {
    const now = Date.now();
    const deadline = new Date(now + 2.5 * DAY); // inside the 3-day window
    const id = await makeArticle(org, {
      mandatory: { deadline, round: 1 },
      publishedAt: new Date(now - 5 * DAY),
    });
    await storeAck(id, 1, org.people.readerA.id, new Date());

    expect(await sendDueReminders(new Date(now))).toBe(2);
    const first = await remindersFor(id);
    expect(first.map((n) => String(n.userId)).sort()).toEqual(
      [org.people.chanEd.id, org.people.readerA2.id].sort(),
    );
    expect(first[0]?.params).toMatchObject({ title: 'Neue Regeln', count: 3 });
    // Never twice: not by a second pass, nor after a restart (markers live in the database).
    expect(await sendDueReminders(new Date(now))).toBe(0);
    resetReminderMarkers();
    expect(await sendDueReminders(new Date(now + HOUR))).toBe(0);

    // The 1-day stage, for whoever is still missing.
    await storeAck(id, 1, org.people.chanEd.id, new Date());
    expect(await sendDueReminders(new Date(now + 1.6 * DAY))).toBe(1);
    const all = await remindersFor(id);
    expect(all).toHaveLength(3);
    expect(all.filter((n) => n.params.count === 1).map((n) => String(n.userId))).toEqual([
      org.people.readerA2.id,
    ]);
    expect(await sendDueReminders(new Date(now + 1.7 * DAY))).toBe(0);
  });

  it('sends nothing past the deadline, for unpublished, or for articles published inside the window', async () => {
    const now = Date.now();
    const late = await makeArticle(org, {
      mandatory: { deadline: new Date(now + 2 * DAY), round: 1 },
      publishedAt: new Date(now - HOUR), // published 2 days before: the 3-day stage does not apply
    });
    const draft = await makeArticle(org, {
      status: 'draft',
      mandatory: { deadline: new Date(now + DAY / 2), round: 1 },
      publishedAt: null,
    });
    const past = await makeArticle(org, {
      mandatory: { deadline: new Date(now - HOUR), round: 1 },
      publishedAt: new Date(now - 9 * DAY),
    });
    await sendDueReminders(new Date(now));
    for (const id of [late, draft, past]) expect(await remindersFor(id)).toHaveLength(0);
    // Once the 1-day stage starts it does apply.
    await sendDueReminders(new Date(now + 1.2 * DAY));
    expect(await remindersFor(late)).toHaveLength(3);
  });

  it('forgets its markers once their deadline has passed (no growth for ever)', async () => {
    const now = Date.now();
    await makeArticle(org, {
      mandatory: { deadline: new Date(now + 2 * DAY), round: 1 },
      publishedAt: new Date(now - 5 * DAY),
    });
    await sendDueReminders(new Date(now));
    expect(rememberedReminderMarkers()).toBeGreaterThan(0);
    await sendDueReminders(new Date(now + 30 * DAY));
    expect(rememberedReminderMarkers()).toBe(0);
  });
});
