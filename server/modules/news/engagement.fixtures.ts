import { Types } from 'mongoose';
import type { Audience } from '@shared/org/audience';
import { makeNamedPerson, makeUnit } from '../people/people.fixtures';
import { ArticleModel, type Article } from './article.model';
import { ArticleBodyModel } from './article-body.model';
import { ChannelModel } from './channel.model';
import { invalidateChannels } from './channel.service';
import { refreshArticle } from './news.read-model';

/**
 * Test data for the engagement tests (test-only helper): office A (with a department) and office
 * B; an editor, an office editor of channel A, readers in A's department and in B.
 */
export async function makeNewsOrg() {
  const officeA = await makeUnit('Amt für Digitalisierung', '11');
  const deptA = await makeUnit('Abteilung Service', '11-1', officeA);
  const officeB = await makeUnit('Stadtkämmerei', '20');
  const person = (
    username: string,
    familyName: string,
    unit: { _id: Types.ObjectId },
    roles?: ('employee' | 'editor' | 'admin')[],
    givenName = 'Test',
  ) => makeNamedPerson({ username, givenName, familyName, unitId: unit._id, roles });
  const people = {
    editor: await person('editor', 'Redaktion', officeB, ['employee', 'editor']),
    chanEd: await person('chaned', 'Kanal', officeA),
    readerA: await person('readera', 'Aal', deptA),
    // A name that a spreadsheet would run as a formula (CSV export test).
    readerA2: await person('readera2', 'Formel', deptA, undefined, '=HYPERLINK("x")'),
    readerB: await person('readerb', 'Bauer', officeB),
  };
  const channel = await ChannelModel.create({
    name: { de: 'Kanal A', en: 'Channel A' },
    description: { de: '', en: '' },
    unitId: officeA._id,
    editorIds: [people.chanEd._id],
  });
  invalidateChannels();
  return { units: { officeA, deptA, officeB }, people, channel };
}

export type NewsOrg = Awaited<ReturnType<typeof makeNewsOrg>>;

export const officeAudience = (org: NewsOrg): Audience => ({
  units: [{ unitId: String(org.units.officeA._id), withSubunits: true }],
  roles: [],
  locationIds: [],
});

/** A live (published) article in channel A, by default for office A; patched into the read model. */
export async function makeArticle(
  org: NewsOrg,
  fields: Partial<Article> = {},
  body = '<p>Text</p>',
): Promise<string> {
  const _id = fields._id ?? new Types.ObjectId();
  await ArticleModel.create({
    channelId: org.channel._id,
    status: 'published',
    variants: { de: { title: 'Neue Regeln', teaser: '' }, en: null, plain: null },
    audience: officeAudience(org),
    authorId: org.people.editor._id,
    publishedAt: new Date(Date.now() - 60_000),
    ...fields,
    _id,
  });
  await ArticleBodyModel.create({ _id, de: body, en: null, plain: null, rev: fields.rev ?? 0 });
  await refreshArticle(String(_id));
  return String(_id);
}
