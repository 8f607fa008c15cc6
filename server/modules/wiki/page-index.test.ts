import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { cluster } from '../../lib/cluster';
import { PageModel, type Page } from './page.model';
import { SpaceModel } from './space.model';
import { rememberPage, resetWikiIndex, setPageLinks, wikiIndex } from './page-index';

useTestDatabase();

const spaceId = new Types.ObjectId();
const creator = new Types.ObjectId();

async function stored(title: string, parentId: string | null = null, order = 0): Promise<Page> {
  const id = randomUUID();
  await PageModel.create({ _id: id, spaceId, parentId, order, title, createdBy: creator });
  return (await PageModel.findById(id).lean<Page>()) as Page;
}

describe('wiki page index', () => {
  it('loads spaces and pages; children sorted by order then title; ancestors, descendants', async () => {
    await SpaceModel.create({ _id: spaceId, key: 'idx', name: 'Index', kind: 'topic' });
    const root = await stored('Wurzel');
    const b = await stored('Beta', root._id, 1);
    const a = await stored('Alpha', root._id, 1);
    const first = await stored('Zulu', root._id, 0);
    const leaf = await stored('Blatt', a._id);
    resetWikiIndex();
    const index = await wikiIndex();
    expect(index.spaces.get(String(spaceId))?.name).toBe('Index');
    expect(index.children(String(spaceId), root._id).map((p) => p.title)).toEqual([
      'Zulu',
      'Alpha',
      'Beta',
    ]);
    expect(index.ancestors(leaf._id).map((p) => p.id)).toEqual([root._id, a._id]);
    expect(index.descendants(root._id).map((p) => p.id)).toEqual([
      first._id,
      a._id,
      leaf._id,
      b._id,
    ]);
  });

  it('sees a new space at once (stamp), a page written here at once (write-through)', async () => {
    await wikiIndex();
    const other = await SpaceModel.create({ key: 'idx-2', name: 'Zwei', kind: 'topic' });
    expect((await wikiIndex()).spaces.has(String(other._id))).toBe(true);
    const page = await stored('Neu');
    rememberPage(page);
    expect((await wikiIndex()).pages.get(page._id)?.title).toBe('Neu');
  });

  it('a cluster message reloads only that one page, and an older rev never replaces a newer one', async () => {
    const page = await stored('Vorher');
    rememberPage(page);
    await PageModel.updateOne({ _id: page._id }, { $set: { title: 'Nachher' }, $inc: { rev: 1 } });
    // Written elsewhere and not announced: a full reload would bring it in.
    const silent = await stored('Still');
    cluster.deliver('wiki-page:changed', page._id);
    await expect.poll(async () => (await wikiIndex()).pages.get(page._id)?.title).toBe('Nachher');
    expect((await wikiIndex()).pages.has(silent._id)).toBe(false);
    rememberPage(page); // the stale copy (rev 0)
    expect((await wikiIndex()).pages.get(page._id)?.title).toBe('Nachher');
  });

  it('setPageLinks stores links and answers backlinks without a rev bump', async () => {
    const target = await stored('Ziel');
    const source = await stored('Quelle');
    rememberPage(target);
    rememberPage(source);
    await setPageLinks(source._id, [target._id, target._id, source._id]);
    const index = await wikiIndex();
    expect(index.linkedFrom(target._id).map((p) => p.id)).toEqual([source._id]);
    expect(index.pages.get(source._id)?.rev).toBe(0);
    await setPageLinks(source._id, []);
    expect((await wikiIndex()).linkedFrom(target._id)).toEqual([]);
  });
});
