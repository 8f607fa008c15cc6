import { describe, it, expect, afterEach } from 'vitest';
import type { NotificationDTO } from '@shared/notifications/types';
import { i18n } from '../../test/render';
import { notificationText } from './realtime';

const wiki = (kind: string, params: Record<string, string>): NotificationDTO => ({
  id: 'n1',
  kind,
  params,
  link: '/wiki/p/5f0c7f4e-8d1b-4a4c-9a51-2b8e5b7c1d11',
  readAt: null,
  createdAt: '2026-07-01T10:00:00.000Z',
  abilities: { markRead: true },
});

const text = (n: NotificationDTO, lang: 'de' | 'en') =>
  notificationText(i18n.getFixedT(lang, 'notifications'), n, lang).title;

describe('wiki notification texts', () => {
  afterEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('pick the decision and the role by the `context` param, in German and English', async () => {
    await i18n.changeLanguage('de');
    const rejected = wiki('wiki.review_decided', {
      context: 'rejected_comment',
      title: 'Dienstreisen',
      name: 'Erika Muster',
      comment: 'Bitte Quelle ergänzen',
    });
    expect(text(rejected, 'de')).toBe(
      'Erika Muster hat Ihre Änderungen an „Dienstreisen“ abgelehnt: „Bitte Quelle ergänzen“',
    );
    const role = wiki('wiki.space_role', { context: 'editor', space: 'IT', name: 'A B' });
    expect(text(role, 'de')).toBe('A B hat Ihnen im Bereich „IT“ die Rolle „Bearbeiten“ gegeben.');
    // An unknown context falls back to the general text, never to the raw key.
    expect(text(wiki('wiki.space_role', { context: 'x', space: 'IT', name: 'A' }), 'de')).toBe(
      'A hat Ihre Rolle im Bereich „IT“ geändert.',
    );
    await i18n.changeLanguage('en');
    expect(text(rejected, 'en')).toBe(
      'Erika Muster rejected your changes to “Dienstreisen”: “Bitte Quelle ergänzen”',
    );
  });

  it('show the review date in the reader language and titles as plain text', async () => {
    const due = wiki('wiki.review_due', {
      title: '<img src=x onerror=alert(1)>',
      reviewBy: '2026-08-03',
    });
    expect(text(due, 'de')).toBe(
      'Bitte prüfen Sie die Seite „<img src=x onerror=alert(1)>“ (Prüfdatum 03.08.2026).',
    );
    await i18n.changeLanguage('en');
    expect(text(due, 'en')).toContain('(review date 08/03/2026)');
  });
});
