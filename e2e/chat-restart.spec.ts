import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import type { Browser, Page } from '@playwright/test';
import { test, expect, login } from './fixtures';
import { assertPortFree, type Proc } from './support/processes';
import {
  ApiSession,
  BOT_PASSWORD,
  baseOf,
  insertPeople,
  startChatServer,
  terminate,
  waitReady,
  withDatabase,
  type BotPerson,
} from './support/chat-harness';

// "The server is restarted mid-conversation and no message is lost": two people chat in two
// browser contexts on a portal process of this suite's own; messages are written before the
// restart, while the server is down (they wait in the outbox) and after it. At the end both
// browsers show every message exactly once, and the database holds each exactly once.
const PORT = 3745;
const DB_PORT = 3746;
const BASE = baseOf(PORT);

test.describe.configure({ mode: 'serial' });

let dataDir = '';
let people: BotPerson[] = [];
let portal: Proc | null = null;

const start = async () => {
  portal = startChatServer({ name: 'portal', port: PORT, dataDir });
  await waitReady(portal, PORT);
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await assertPortFree(PORT);
  await assertPortFree(DB_PORT);
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-chat-restart-'));
  people = await withDatabase(dataDir, DB_PORT, (db) => insertPeople(db, 2, 'neustart'));
  await start();
});

test.afterAll(async () => {
  if (portal) await terminate(portal);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openChat(browser: Browser, username: string, conversationId: string) {
  const context = await browser.newContext({ baseURL: BASE, locale: 'de-DE' });
  const page = await context.newPage();
  await login(page, username, BOT_PASSWORD);
  await page.goto(`/chat/${conversationId}`);
  const composer = page.getByRole('textbox', { name: /^Nachricht an / });
  await expect(composer).toBeVisible();
  return { context, page, composer, log: page.getByRole('log', { name: /^Nachrichten in / }) };
}

async function write(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: /^Nachricht an / });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
}

test('the server is restarted mid-conversation and no message is lost or doubled', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [anna, ben] = people as [BotPerson, BotPerson];
  const api = await ApiSession.login(BASE, anna.username);
  const created = await api.request<{ data: { id: string } }>('POST', '/api/conversations', {
    kind: 'direct',
    personId: ben.id,
  });
  expect(created.status).toBe(201);
  const convId = created.body.data.id;

  const a = await openChat(browser, anna.username, convId);
  const b = await openChat(browser, ben.username, convId);
  const texts: string[] = [];
  const say = async (who: typeof a, text: string) => {
    texts.push(text);
    await write(who.page, text);
  };

  // Before the restart: delivered live to the other browser.
  await say(a, 'Vor dem Neustart: Anna');
  await say(b, 'Vor dem Neustart: Ben');
  for (const who of [a, b]) {
    for (const text of texts) await expect(who.log.getByText(text, { exact: true })).toHaveCount(1);
  }

  // Server down (graceful stop, as a deploy does): both write; the messages wait in the outbox.
  await terminate(portal!);
  await say(a, 'Während des Neustarts: Anna');
  await say(b, 'Während des Neustarts: Ben');
  await expect(a.log.getByText('Während des Neustarts: Anna', { exact: true })).toHaveCount(1);
  await start();

  // Back: the queued messages are sent, and each browser catches up with the other's.
  await say(a, 'Nach dem Neustart: Anna');
  await say(b, 'Nach dem Neustart: Ben');
  for (const who of [a, b]) {
    for (const text of texts) {
      await expect(who.log.getByText(text, { exact: true })).toHaveCount(1, { timeout: 45_000 });
    }
    // Nothing left pending or failed.
    await expect(who.log.getByText('Wartet auf Verbindung')).toHaveCount(0);
    await expect(who.log.getByText('Wird gesendet …')).toHaveCount(0);
  }
  // A reload (history from the server only) shows the same, once each.
  for (const who of [a, b]) {
    await who.page.reload();
    for (const text of texts) await expect(who.log.getByText(text, { exact: true })).toHaveCount(1);
  }
  await a.context.close();
  await b.context.close();

  // The database agrees: each message stored once, positions 1..6.
  await terminate(portal!);
  portal = null;
  const stored = await withDatabase(dataDir, DB_PORT, (db) =>
    db
      .collection<{ body: string; seq: number }>('chat_messages')
      .find({ conversationId: new ObjectId(convId) })
      .toArray(),
  );
  expect(stored.map((m) => m.body).sort()).toEqual([...texts].sort());
  expect(stored.map((m) => m.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
});
