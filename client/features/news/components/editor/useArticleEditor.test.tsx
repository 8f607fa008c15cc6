import { describe, it, expect } from 'vitest';
import type { ReactNode } from 'react';
import { renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { NewsArticleDTO, NewsChannelDTO } from '@shared/news/types';
import { testQueryClient } from '../../../../test/render';
import { useArticleEditor } from './useArticleEditor';

const ID = '65a000000000000000000001';
const channel: NewsChannelDTO = {
  id: '65a0000000000000000000cc',
  name: { de: 'Personal', en: 'HR' },
  description: { de: '', en: '' },
  unit: null,
  editors: [],
  requiresApproval: false,
  abilities: { update: true, publish: true },
};
const stored = {
  id: ID,
  channel: { id: channel.id, name: channel.name },
  status: 'published',
  variants: { de: { title: 'Gespeicherter Titel', teaser: 'Kurz' } },
  plainReview: null,
  cover: null,
  author: null,
  unit: null,
  publishedAt: null,
  publishAt: null,
  expiresAt: null,
  updatedAt: '2026-03-01T09:00:00.000Z',
  pinned: false,
  highlighted: false,
  mandatory: null,
  allowComments: true,
  allowReactions: true,
  commentCount: 0,
  reactions: {},
  rev: 4,
  audience: { units: [], roles: [], locationIds: [] },
  viewer: { read: true, acknowledgedAt: null, reaction: null },
  abilities: {
    update: true,
    submit: false,
    approve: false,
    publish: true,
    unpublish: true,
    delete: false,
    comment: true,
    react: true,
    acknowledge: false,
    moderate: true,
    viewDashboard: false,
    viewHistory: true,
  },
  bodies: { de: '<p>Text</p>' },
  attachments: [],
  history: [],
} satisfies NewsArticleDTO;

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={testQueryClient()}>{children}</QueryClientProvider>
);

describe('useArticleEditor', () => {
  it('editing a stored article waits for it even when the channels arrive first', () => {
    const { result, rerender } = renderHook(
      (props: { article: NewsArticleDTO | undefined }) =>
        useArticleEditor({ articleId: ID, isNew: false, channels: [channel], ...props }),
      { wrapper, initialProps: { article: undefined as NewsArticleDTO | undefined } },
    );
    expect(result.current.draft).toBeNull();
    rerender({ article: stored });
    expect(result.current.draft?.variants.de.title).toBe('Gespeicherter Titel');
    expect(result.current.draft?.channelId).toBe(channel.id);
  });

  it('a new article starts as an empty draft in a channel the person may publish in', () => {
    const { result } = renderHook(
      () =>
        useArticleEditor({ articleId: ID, isNew: true, article: undefined, channels: [channel] }),
      { wrapper },
    );
    expect(result.current.draft?.variants.de.title).toBe('');
    expect(result.current.draft?.channelId).toBe(channel.id);
  });
});
