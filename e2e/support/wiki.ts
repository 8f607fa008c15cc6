// Helpers for the wiki browser tests: signed-in API clients for setup and server-side checks,
// the co-editor's locators, and a trap that notices any script an XSS payload managed to run.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import type { PageDTO, SpaceDTO } from '@shared/wiki/types';
import { expect, DEMO_PASSWORD } from '../fixtures';
import { ApiSession } from './chat-harness';

export const e2eBase = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** A run-unique suffix, so keys and titles never meet those of an earlier test in the same run. */
export const uniq = () => randomUUID().slice(0, 8);

export class WikiApi {
  constructor(readonly s: ApiSession) {}

  static async login(username: string, password = DEMO_PASSWORD, base = e2eBase()) {
    return new WikiApi(await ApiSession.login(base, username, password));
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

  async displayName(): Promise<string> {
    return (await this.ok<{ displayName: string }>('GET', '/api/me')).displayName;
  }

  createSpace(input: {
    name: string;
    kind?: 'org' | 'office' | 'topic';
    defaultRole?: 'reader' | 'commenter' | 'editor';
    approvalRequired?: boolean;
    audience?: {
      units: { unitId: string; withSubunits: boolean }[];
      roles: string[];
      locationIds: string[];
    };
  }): Promise<SpaceDTO> {
    return this.ok<SpaceDTO>('POST', '/api/wiki/spaces', {
      key: `e2e-${uniq()}`,
      kind: 'topic',
      description: 'Für Browsertests.',
      ...input,
    });
  }

  setMember(spaceId: string, personId: string, role: 'reader' | 'commenter' | 'editor' | 'admin') {
    return this.ok('PUT', `/api/wiki/spaces/${spaceId}/members`, { personId, role });
  }

  createPage(spaceId: string, title: string, parentId: string | null = null): Promise<PageDTO> {
    return this.ok<PageDTO>('POST', '/api/wiki/pages', {
      id: randomUUID(),
      spaceId,
      parentId,
      title,
    });
  }

  page(pageId: string): Promise<PageDTO> {
    return this.ok<PageDTO>('GET', `/api/wiki/pages/${pageId}`);
  }

  /** The page's readable text (published html without tags), as the server has stored it. */
  async text(pageId: string, which: 'html' | 'draftHtml' = 'html'): Promise<string> {
    const p = await this.page(pageId);
    return (p[which] ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
  }
}

/** The co-editor of a page, ready to type (the server granted write access and synced). */
export async function openEditor(page: Page, pageId: string) {
  await page.goto(`/wiki/p/${pageId}/edit`);
  const editor = editorOf(page);
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^Gespeichert$/ })).toBeVisible();
  return editor;
}

export const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Inhalt', exact: true });

/** The connection state line of the editor ("Gespeichert", "Verbindung wird …"). */
export const editorStatus = (page: Page) => page.locator('p[role="status"][data-state]');

/** Puts the caret at the end of the editor's first paragraph. */
export async function caretToEndOfFirstParagraph(page: Page) {
  const first = editorOf(page).locator('p').first();
  await first.click();
  await page.keyboard.press('End');
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
  context.on('page', (p) =>
    p.on('dialog', (d) => void (hits.push(`dialog: ${d.message()}`), d.dismiss())),
  );
  for (const p of context.pages())
    p.on('dialog', (d) => void (hits.push(`dialog: ${d.message()}`), d.dismiss()));
  return () => hits;
}

/** Whether `window.__xss` was ever assigned in this document. */
export const xssFlag = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset.xss ?? null);

/** Pastes HTML into the focused editor as the browser would from the clipboard. */
export async function pasteHtml(page: Page, html: string, text = '') {
  await page.evaluate(
    ([h, t]) => {
      const dt = new DataTransfer();
      dt.setData('text/html', h as string);
      dt.setData('text/plain', t as string);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    },
    [html, text],
  );
}

/** Saves a full-page screenshot to /tmp/shots/wiki-<name>.png. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/shots/wiki-${name}.png`, fullPage: true });
}

/** Uploads a file to a page through the REST route (multipart field `file`). */
export async function uploadFile(api: WikiApi, pageId: string, name: string, content: string) {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/plain' }), name);
  const res = await fetch(`${api.s.base}/api/wiki/pages/${pageId}/files`, {
    method: 'POST',
    headers: { cookie: api.s.cookie, origin: api.s.base, 'x-csrf-token': api.s.csrf },
    body: form,
  });
  expect([200, 201], await res.clone().text()).toContain(res.status);
  return ((await res.json()) as { data: { id: string; name: string } }).data;
}
