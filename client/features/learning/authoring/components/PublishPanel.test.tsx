import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { CourseDTO } from '@shared/learning/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../../test/render';
import { course } from '../../discussion/test-data';
import { PublishPanel } from './PublishPanel';

const published = (version: number) =>
  ({ ...course({ publish: true, archive: true }), version, rev: 3 }) as CourseDTO;

function show(c: CourseDTO, state: { changed: boolean; dirty: boolean }) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(Response.json({ data: [] }))),
  );
  renderWithRouter(
    <PublishPanel course={c} busy={false} onPublish={() => Promise.resolve(true)} {...state} />,
    { qc: testQueryClient(testMe()) },
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('PublishPanel', () => {
  it('offers no publish when the draft equals the published version, and says why', () => {
    show(published(2), { changed: false, dirty: false });
    expect(screen.getByRole('button', { name: 'Veröffentlichen' })).toBeDisabled();
    expect(screen.getByText(/Keine Änderungen seit Version 2/)).toBeInTheDocument();
  });

  it('offers publish for a changed draft', () => {
    show(published(2), { changed: true, dirty: false });
    expect(screen.getByRole('button', { name: 'Veröffentlichen' })).toBeEnabled();
    expect(screen.queryByText(/Keine Änderungen/)).toBeNull();
  });

  it('offers publish with unsaved edits', () => {
    show(published(2), { changed: false, dirty: true });
    expect(screen.getByRole('button', { name: 'Veröffentlichen' })).toBeEnabled();
  });

  it('offers the first publish of a never-published course', () => {
    show(published(0), { changed: false, dirty: false });
    expect(screen.getByRole('button', { name: 'Veröffentlichen' })).toBeEnabled();
  });
});
