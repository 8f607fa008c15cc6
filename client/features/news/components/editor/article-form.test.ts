import { describe, expect, it } from 'vitest';
import type { NewsArticleDTO } from '@shared/news/types';
import { createArticleSchema } from '@shared/news/schemas';
import {
  draftFromArticle,
  draftToFields,
  emptyDraft,
  fromLocalInput,
  isEmptyHtml,
  sameDraft,
  toLocalInput,
  validateDraft,
} from './article-form';

const channelId = 'a'.repeat(24);

describe('article form', () => {
  it('requires a channel and a German title, and alt text on the cover', () => {
    const d = emptyDraft(null);
    expect(validateDraft(d)).toMatchObject({ channel: 'channel', 'title.de': 'title' });
    const ok = {
      ...emptyDraft(channelId),
      variants: { ...d.variants, de: { title: 'T', teaser: '', body: '' } },
    };
    expect(validateDraft(ok)).toEqual({});
    expect(
      validateDraft({ ...ok, cover: { fileId: 'b'.repeat(24), url: '/x', alt: ' ' } }),
    ).toEqual({
      cover: 'alt',
    });
  });

  it('asks for a title only in variants that have content', () => {
    const d = emptyDraft(channelId);
    d.variants.de.title = 'Titel';
    d.variants.en.body = '<p>Hello</p>';
    expect(validateDraft(d)).toEqual({ 'title.en': 'title' });
    d.variants.en.body = '<p></p>';
    expect(validateDraft(d)).toEqual({});
  });

  it('needs a deadline for mandatory articles and expiry after publication', () => {
    const d = emptyDraft(channelId);
    d.variants.de.title = 'Titel';
    d.mandatory = true;
    expect(validateDraft(d).deadline).toBe('deadline');
    d.deadline = '2030-01-10T12:00';
    d.publishAt = '2030-01-05T08:00';
    d.expiresAt = '2030-01-04T08:00';
    expect(validateDraft(d)).toEqual({ expiresAt: 'expiresBeforePublish' });
  });

  it('builds input the shared create schema accepts, leaving out empty variants', () => {
    const d = emptyDraft(channelId);
    d.variants.de = { title: ' Titel ', teaser: 'Kurz', body: '<p>Text</p>' };
    d.variants.plain = { title: 'Leicht', teaser: '', body: '<p></p>' };
    d.plainReviewedBy = {
      id: 'c'.repeat(24),
      displayName: 'R',
      position: null,
      unitId: null,
      initials: 'R',
      photoUrl: null,
    };
    d.mandatory = true;
    d.deadline = '2030-01-10T12:00';
    const fields = draftToFields(d);
    expect(fields.variants.de.title).toBe('Titel');
    expect(fields.variants.en).toBeNull();
    expect(fields.variants.plain).toEqual({
      title: 'Leicht',
      teaser: '',
      body: '',
      reviewedById: 'c'.repeat(24),
    });
    expect(fields.mandatory?.deadline).toBe(new Date('2030-01-10T12:00').toISOString());
    expect(createArticleSchema.safeParse({ ...fields, id: 'd'.repeat(24) }).success).toBe(true);
  });

  it('round-trips an article and sees no change', () => {
    const article = {
      id: 'd'.repeat(24),
      channel: { id: channelId, name: { de: 'K', en: 'C' } },
      variants: { de: { title: 'T', teaser: '' }, en: { title: 'E', teaser: 'x' } },
      bodies: { de: '<p>a</p>', en: '<p>b</p>' },
      plainReview: null,
      cover: {
        fileId: 'e'.repeat(24),
        url: '/api/news/x/files/y',
        alt: 'Bild',
        width: 1,
        height: 1,
      },
      attachments: [],
      audience: {
        units: [{ unitId: 'f'.repeat(24), withSubunits: true }],
        roles: [],
        locationIds: [],
      },
      pinned: true,
      highlighted: false,
      allowComments: true,
      allowReactions: false,
      mandatory: { deadline: '2030-02-01T10:00:00.000Z', round: 1 },
      publishAt: null,
      expiresAt: null,
    } as unknown as NewsArticleDTO;
    const d = draftFromArticle(article);
    expect(d.variants.en.body).toBe('<p>b</p>');
    expect(sameDraft(d, draftFromArticle(article))).toBe(true);
    expect(sameDraft(d, { ...d, pinned: false })).toBe(false);
    expect(draftToFields(d).audience.units).toHaveLength(1);
  });

  it('converts between ISO instants and datetime-local values', () => {
    const iso = new Date(2030, 0, 2, 3, 4).toISOString();
    expect(toLocalInput(iso)).toBe('2030-01-02T03:04');
    expect(fromLocalInput('2030-01-02T03:04')).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });

  it('treats TipTap empty documents as empty, images as content', () => {
    expect(isEmptyHtml('<p></p>')).toBe(true);
    expect(isEmptyHtml('<p> &nbsp; </p>')).toBe(true);
    expect(isEmptyHtml('<p><img src="/x" alt="y"></p>')).toBe(false);
  });
});
