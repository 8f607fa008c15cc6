import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../../test/render';
import { seatsText, statusText, dayText, placeText } from './format';
import { registration } from './test-data';

// Tests run in English; German is loaded here since the German texts are the product's default.
beforeAll(() => i18n.loadLanguages('de'));
const de = (k: string, o?: Record<string, unknown>) =>
  i18n.getFixedT('de', 'learningTrainings')(k, o);
const en = (k: string, o?: Record<string, unknown>) =>
  i18n.getFixedT('en', 'learningTrainings')(k, o);

describe('registration status texts', () => {
  it.each([
    ['pending_manager', 'Wartet auf Führungskraft'],
    ['pending_hr', 'Wartet auf Personalamt'],
    ['confirmed', 'Bestätigt'],
    ['withdrawn', 'Zurückgezogen'],
  ] as const)('%s → %s', (status, text) => {
    expect(statusText(registration({ status }), de)).toBe(text);
  });

  it('names the waiting-list position', () => {
    expect(statusText(registration({ status: 'waitlisted', waitlistPosition: 2 }), de)).toBe(
      'Warteliste Platz 2',
    );
    expect(statusText(registration({ status: 'waitlisted', waitlistPosition: 2 }), en)).toBe(
      'Waiting list, position 2',
    );
  });

  it('gives the reason of the rejection', () => {
    const r = registration({
      status: 'rejected',
      history: [
        {
          at: '2026-02-01T10:00:00Z',
          actor: null,
          action: 'created',
          from: null,
          to: 'pending_manager',
          reason: '',
        },
        {
          at: '2026-02-02T10:00:00Z',
          actor: null,
          action: 'manager_rejected',
          from: 'pending_manager',
          to: 'rejected',
          reason: 'Dienstplan',
        },
      ],
    });
    expect(statusText(r, de)).toBe('Abgelehnt: Dienstplan');
    expect(statusText({ ...r, history: [] }, de)).toBe('Abgelehnt');
  });
});

describe('seats and days', () => {
  it('says how many seats are free, or the waiting list', () => {
    expect(seatsText({ seats: 12, taken: 7, waitlisted: 0 }, de)).toBe('5 von 12 Plätzen frei');
    expect(seatsText({ seats: 12, taken: 12, waitlisted: 3 }, de)).toBe(
      'ausgebucht – Warteliste (3)',
    );
    expect(seatsText({ seats: 12, taken: 12, waitlisted: 0 }, de)).toBe('ausgebucht');
    expect(seatsText({ seats: null, taken: 40, waitlisted: 0 }, de)).toBe('Keine Platzbegrenzung');
  });

  it('writes days in German format', () => {
    expect(dayText({ date: '2026-03-02', start: '09:00', end: '16:00' }, 'de', de)).toBe(
      'Mo., 02.03.2026, 09:00–16:00 Uhr',
    );
    expect(placeText({ format: 'online', place: '' }, de)).toBe('Online');
    expect(placeText({ format: 'classroom', place: 'Rathaus' }, de)).toBe('Rathaus');
  });
});
