import { test, expect, expectNoA11yViolations } from './fixtures';
import type { SpaceTreeDTO } from '@shared/wiki/types';
import {
  as,
  PNG_1X1,
  PHONE,
  RoomsApi,
  RoomsSocket,
  roomTabs,
  shot,
  textFile,
  trapScripts,
  uniq,
  xssFlag,
} from './support/rooms';

// Removing a member takes away everything of the room at once (open view, REST, files, wiki,
// chat, socket events); untrusted names and texts never run as script.

test('a removed member loses the open room view, every room route, the chat and live events', async ({
  browser,
}) => {
  test.slow();
  const mover = await RoomsApi.login('mover');
  const manager = await RoomsApi.login('manager');
  const laura = await RoomsApi.login('employee');
  const jonas = await RoomsApi.login('employee2');
  // Secret (template "Amtsteam"): to a non-member the room does not exist, so every route is 404
  // (a closed room stays viewable, its content routes then answer 403; see the route tests).
  const room = await mover.createRoom({
    name: `Entfernen ${uniq()}`,
    template: 'office',
    visibility: 'secret',
  });
  await mover.invite(room.id, [manager.personId, laura.personId, jonas.personId]);
  await mover.ok('PATCH', `/api/rooms/${room.id}/members/${manager.personId}`, {
    role: 'moderator',
  });

  // Content the member saw: a file, an event, a task, a wiki page, the chat channel.
  const file = await laura.uploadFile(room.id, textFile(`notiz-${uniq()}.txt`));
  const postFile = await laura.uploadPostFile(room.id, {
    name: 'bild.png',
    mimeType: 'image/png',
    buffer: PNG_1X1,
  });
  const post = await laura.post(room.id, 'Mein Beitrag mit Bild', [postFile.id]);
  const event = await laura.createEvent(room.id, 'Abstimmung');
  const task = await laura.createTask(room.id, 'Protokoll schreiben');
  const full = await laura.room(room.id);
  expect(full.conversationId).toBeTruthy();
  expect(full.wikiSpaceId).toBeTruthy();
  const tree = await laura.ok<SpaceTreeDTO>('GET', `/api/wiki/spaces/${full.wikiSpaceId}/tree`);
  const wikiPageId = tree.nodes[0]!.id;
  const routes = [
    `/api/rooms/${room.id}`,
    `/api/rooms/${room.id}/feed`,
    `/api/rooms/${room.id}/posts/${post.id}`,
    `/api/rooms/${room.id}/members`,
    `/api/rooms/${room.id}/files`,
    file.url,
    postFile.url,
    `/api/rooms/${room.id}/events`,
    `/api/rooms/${room.id}/events/${event.id}/ics`,
    `/api/rooms/${room.id}/events.ics`,
    `/api/rooms/${room.id}/tasks`,
    `/api/wiki/pages/${wikiPageId}`,
    `/api/wiki/spaces/${full.wikiSpaceId}/tree`,
  ];
  for (const path of routes) expect(await laura.rawStatus(path), path).toBe(200);
  expect(await laura.status('GET', `/api/conversations/${full.conversationId}`)).toBe(200);
  const myChats = async () =>
    (await laura.ok<{ id: string }[]>('GET', '/api/conversations')).map((c) => c.id);
  expect(await myChats()).toContain(full.conversationId);

  // Her socket (another tab) and a remaining member's socket listen.
  const lauraSocket = await RoomsSocket.connect(laura);
  const jonasSocket = await RoomsSocket.connect(jonas);

  const member = await as(browser, 'employee');
  await member.page.goto(`/rooms/${room.id}`);
  await expect(
    member.page.getByRole('article').filter({ hasText: 'Mein Beitrag mit Bild' }),
  ).toBeVisible();

  // The moderator removes her.
  const mod = await as(browser, 'manager');
  await mod.page.goto(`/rooms/${room.id}/members`);
  await mod.page.getByRole('button', { name: 'Laura Schmid entfernen' }).click();
  const confirm = mod.page.getByRole('alertdialog', { name: 'Mitglied entfernen?' });
  await expect(confirm).toContainText('Laura Schmid verliert sofort den Zugriff');
  await expectNoA11yViolations(mod.page, 'remove member dialog');
  await confirm.getByRole('button', { name: 'Entfernen' }).click();
  await expect(confirm).toBeHidden();
  await expect(
    mod.page.getByRole('region', { name: 'Mitglieder' }).getByText('Laura Schmid', { exact: true }),
  ).toHaveCount(0);

  // Her open view switches at once; nothing of the room is left on the page.
  await expect(
    member.page.getByRole('heading', { level: 1, name: 'Kein Zugriff mehr' }),
  ).toBeVisible();
  await expect(member.page.getByText('Mein Beitrag mit Bild')).toHaveCount(0);
  await expect(roomTabs(member.page)).toHaveCount(0);
  await expectNoA11yViolations(member.page, 'access lost');
  await shot(member.page, 'access-lost-desktop');
  await expect.poll(() => lauraSocket.of(room.id, 'rooms:access-lost').length).toBe(1);

  // Every route of the room answers 404 now, the room's chat 403/404.
  for (const path of routes) expect(await laura.rawStatus(path), path).toBe(404);
  expect(
    await laura.status('POST', `/api/rooms/${room.id}/posts`, {
      id: crypto.randomUUID(),
      body: 'x',
    }),
  ).toBe(404);
  expect(
    await laura.status('PATCH', `/api/rooms/${room.id}/tasks/${task.id}`, { rev: 0, title: 'x' }),
  ).toBe(404);
  expect([403, 404]).toContain(
    await laura.status('GET', `/api/conversations/${full.conversationId}`),
  );
  expect([403, 404]).toContain(
    await laura.status('GET', `/api/conversations/${full.conversationId}/messages`),
  );
  expect(await myChats()).not.toContain(full.conversationId);
  await member.page.goto('/chat');
  await expect(member.page.getByRole('navigation', { name: 'Unterhaltungen' })).toBeVisible();
  await expect(member.page.locator(`a[data-conversation-id="${full.conversationId}"]`)).toHaveCount(
    0,
  );

  // No further room events reach her socket: the remaining member's socket hears two new
  // posts; by then hers has had every chance to hear them too.
  const heardBefore = lauraSocket.events.length;
  for (const n of [1, 2]) {
    const before = jonasSocket.of(room.id, 'rooms:content').length;
    await manager.post(room.id, `Nach dem Entfernen ${n}`);
    await expect
      .poll(() => jonasSocket.of(room.id, 'rooms:content').length)
      .toBeGreaterThan(before);
  }
  await mover.ok('PATCH', `/api/rooms/${room.id}`, { rev: full.rev, description: 'Neu' }, [200]);
  await expect.poll(() => jonasSocket.of(room.id, 'rooms:room').length).toBeGreaterThan(0);
  const after = lauraSocket.events.slice(heardBefore).filter((e) => e.payload.roomId === room.id);
  expect(after).toEqual([]);
  lauraSocket.close();
  jonasSocket.close();
  await member.context.close();
  await mod.context.close();
});

test('XSS payloads in room name, post, comment and file name stay text', async ({ browser }) => {
  const payload = `<img src=x onerror="window.__xss='img'">`;
  const link = `[klick](javascript:window.__xss='link')`;
  const mover = await RoomsApi.login('mover');
  const jonas = await RoomsApi.login('employee2');
  const name = `${payload} Raum ${uniq()}`;
  const room = await mover.createRoom({ name, description: `${payload} Beschreibung` });
  await mover.invite(room.id, [jonas.personId]);
  const file = await mover.uploadFile(room.id, textFile(`${'<img src=x onerror=alert(1)>'}.txt`));
  const ref = await mover.uploadPostFile(
    room.id,
    textFile(`"><svg onload="window.__xss='f'">.txt`),
  );
  const post = await mover.post(
    room.id,
    `${payload} und ${link} und <script>window.__xss='s'</script>`,
    [ref.id],
  );
  await jonas.ok('POST', `/api/rooms/${room.id}/posts/${post.id}/comments`, {
    id: crypto.randomUUID(),
    body: `${payload} Kommentar ${link}`,
  });
  await mover.createTask(room.id, `${payload} Aufgabe`);
  await mover.createEvent(room.id, `${payload} Termin`);

  const { context, page } = await as(browser, 'employee2');
  const hits = await trapScripts(context);
  await page.goto('/rooms');
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const article = page.getByRole('article').filter({ hasText: 'Kommentar' });
  await expect(article).toContainText(payload);
  await expect(article).toContainText(`<script>window.__xss='s'</script>`);
  await expect(article).toContainText(`${payload} Kommentar`);
  await expect(article.getByText(ref.name)).toBeVisible();
  expect(ref.name).toContain('<svg');
  // A javascript: link is never a link.
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  for (const tab of ['files', 'tasks', 'events', 'members', 'settings']) {
    await page.goto(`/rooms/${room.id}/${tab}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    if (tab === 'files') await expect(page.getByText(file.name)).toBeVisible();
    if (tab === 'tasks') await expect(page.getByText(`${payload} Aufgabe`)).toBeVisible();
    if (tab === 'events')
      await expect(page.getByRole('heading', { name: `${payload} Termin` })).toBeVisible();
  }
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Meine Räume' })).toBeVisible();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await xssFlag(page)).toBeNull();
  expect(hits()).toEqual([]);
  await context.close();
});

test('room header, settings and members on a phone', async ({ browser }) => {
  const mover = await RoomsApi.login('mover');
  const roomId = await mover.myRoomId('Digitale Bürgerdienste');
  const { context, page } = await as(browser, 'mover', PHONE);
  await page.goto(`/rooms/${roomId}/members`);
  await page.getByRole('button', { name: 'Mitglieder einladen' }).click();
  await expect(page.getByRole('dialog', { name: 'Mitglieder einladen' })).toBeVisible();
  await expectNoA11yViolations(page, 'invite dialog on a phone');
  await shot(page, 'members-invite-phone');
  await page.keyboard.press('Escape');
  await page.goto('/rooms');
  await page.getByRole('button', { name: 'Raum anlegen' }).click();
  await expect(page.getByRole('dialog', { name: 'Raum anlegen' })).toBeVisible();
  await shot(page, 'create-dialog-phone');
  await page.keyboard.press('Escape');
  await page.goto('/rooms?tab=discover');
  await expect(page.getByRole('tabpanel', { name: 'Entdecken' }).getByRole('status')).toHaveText(
    /Räume?/,
  );
  await shot(page, 'discover-phone');
  await context.close();
});
