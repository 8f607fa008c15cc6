import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { LearningSubNav } from './LearningSubNav';

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('LearningSubNav', () => {
  it('counts every registration waiting for me from the total, not from one page', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        const url = String(input);
        asked.push(url);
        if (url.includes('/registrations'))
          return Promise.resolve(Response.json({ data: [{}], nextCursor: 'x', total: 150 }));
        return Promise.resolve(Response.json({ data: [], nextCursor: null }));
      }),
    );
    renderWithRouter(<LearningSubNav />, {
      qc: testQueryClient(testMe({ isManager: true })),
      path: '/learning',
    });
    const link = await screen.findByRole('link', {
      name: 'Anmeldungen, 150 Anmeldungen warten auf Ihre Entscheidung',
    });
    expect(link).toHaveTextContent('99+');
    expect(asked.find((u) => u.includes('/registrations'))).toContain('limit=1');
  });
});
