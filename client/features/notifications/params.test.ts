import { describe, it, expect, afterEach } from 'vitest';
import type { NotificationDTO } from '@shared/notifications/types';
import { i18n } from '../../test/render';
import { localizeParams } from './params';
import { notificationText } from './realtime';

const leave = (kind: string, params: Record<string, string>): NotificationDTO => ({
  id: 'n1',
  kind,
  params,
  link: '/leave/requests/r1',
  readAt: null,
  createdAt: '2026-07-01T10:00:00.000Z',
  abilities: { markRead: true },
});

describe('notification params in the reader language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('formats calendar days and leaves other values alone', () => {
    expect(
      localizeParams(
        { from: '2026-08-03', to: '2026-08-14', name: 'Erika Muster', count: 3 },
        'de',
      ),
    ).toEqual({ from: '03.08.2026', to: '14.08.2026', name: 'Erika Muster', count: 3 });
    expect(localizeParams({ until: '2026-12-31' }, 'en')).toEqual({ until: '12/31/2026' });
    // Not a calendar day: an instant, a number-like text, an impossible date.
    expect(
      localizeParams({ a: '2026-08-03T10:00:00Z', b: '20260803', c: '2026-13-45' }, 'de'),
    ).toEqual({ a: '2026-08-03T10:00:00Z', b: '20260803', c: '2026-13-45' });
  });

  it('leave notification texts show dates in German and English', async () => {
    const n = leave('leave.approved', { from: '2026-08-03', to: '2026-08-14', name: 'M' });
    await i18n.changeLanguage('de');
    const de = notificationText(i18n.getFixedT('de', 'notifications'), n, 'de').title;
    expect(de).toBe('Ihr Urlaub wurde genehmigt: 03.08.2026 – 14.08.2026.');
    await i18n.changeLanguage('en');
    const en = notificationText(i18n.getFixedT('en', 'notifications'), n, 'en').title;
    expect(en).toContain('08/03/2026');
    expect(en).toContain('08/14/2026');
    expect(en).not.toContain('2026-08');
  });

  it('mandatory training deadlines show as dates in German and English', () => {
    const n = leave('learning.mandatory_reminder', {
      course: 'Datenschutz',
      deadline: '2026-12-31',
    });
    const withCount = { ...n, params: { ...n.params, count: 3 } };
    const de = notificationText(i18n.getFixedT('de', 'notifications'), withCount, 'de').title;
    expect(de).toBe(
      'Noch 3 Tage: Bitte schließen Sie die Pflichtschulung „Datenschutz“ bis 31.12.2026 ab.',
    );
    const en = notificationText(i18n.getFixedT('en', 'notifications'), withCount, 'en').title;
    expect(en).toContain('12/31/2026');
    expect(en).not.toContain('2026-12');
  });
});
