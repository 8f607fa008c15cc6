import type { Request } from 'express';
import { Types } from 'mongoose';
import type { ChannelInput } from '@shared/news/schemas';
import type { NewsChannelDTO } from '@shared/news/types';
import { channelInputSchema } from '@shared/news/schemas';
import type { CurrentUser } from '../auth/current-user';
import { cluster } from '../../lib/cluster';
import { badRequest, notFound } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { deny } from '../audit/deny';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { orgSnapshot } from '../org/audience';
import { ChannelModel, type Channel } from './channel.model';
import { canManageChannels, channelAbilities, type NewsViewer } from './news.policy';

/**
 * Channels are few (dozens): held in memory, reloaded after a local write or when another
 * instance says it wrote (cluster topic).
 */
const TOPIC = 'cache:news-channels';
let cached: Promise<Channel[]> | null = null;

cluster.on(TOPIC, () => {
  cached = null;
});

export function allChannels(): Promise<Channel[]> {
  if (!cached) {
    const p = ChannelModel.find({}).lean<Channel[]>().exec(); // a Query re-runs on every await; a Promise does not
    cached = p;
    p.catch(() => {
      if (cached === p) cached = null;
    });
  }
  return cached;
}

export async function channelsById(): Promise<Map<string, Channel>> {
  return new Map((await allChannels()).map((c) => [String(c._id), c]));
}

export async function channelById(id: string): Promise<Channel | null> {
  return (await channelsById()).get(id) ?? null;
}

/** Channel ids in which a person is an office editor. */
export async function editorChannelsOf(personId: string): Promise<Set<string>> {
  const set = new Set<string>();
  for (const c of await allChannels()) {
    if (c.editorIds.some((e) => String(e) === personId)) set.add(String(c._id));
  }
  return set;
}

export function invalidateChannels(): void {
  cached = null;
  cluster.broadcast(TOPIC, 'all');
}

export async function presentChannels(
  channels: Channel[],
  viewer: Pick<NewsViewer, 'user' | 'editorOf'>,
): Promise<NewsChannelDTO[]> {
  const [people, org] = await Promise.all([
    peopleFromDirectory([...new Set(channels.flatMap((c) => c.editorIds.map(String)))]),
    orgSnapshot(),
  ]);
  const byId = new Map(people.map((p) => [String(p._id), p]));
  return channels.map((c) => {
    const unit = c.unitId ? org.units.get(String(c.unitId)) : undefined;
    return {
      id: String(c._id),
      name: { de: c.name.de, en: c.name.en },
      description: { de: c.description.de, en: c.description.en },
      unit: unit ? { id: unit.id, name: unit.name } : null,
      editors: c.editorIds
        .map((id) => byId.get(String(id)))
        .filter((p) => p !== undefined)
        .map(presentPersonRef),
      requiresApproval: c.requiresApproval,
      abilities: channelAbilities(viewer, String(c._id)),
    };
  });
}

const sortChannels = (list: Channel[]) =>
  [...list].sort((a, b) => a.name.de.localeCompare(b.name.de, 'de'));

export async function listChannels(viewer: NewsViewer): Promise<NewsChannelDTO[]> {
  return presentChannels(sortChannels(await allChannels()), viewer);
}

async function checkReferences(input: ReturnType<typeof channelInputSchema.parse>) {
  const org = await orgSnapshot();
  if (input.unitId && !org.units.has(input.unitId)) {
    throw badRequest('Unknown unit', [
      { path: 'unitId', code: 'unknown_reference', message: 'Unknown unit' },
    ]);
  }
  const editors = [...new Set(input.editorIds)];
  const found = await peopleFromDirectory(editors);
  if (found.length !== editors.length) {
    throw badRequest('Unknown person', [
      { path: 'editorIds', code: 'unknown_reference', message: 'Unknown person' },
    ]);
  }
  return editors;
}

function toFields(input: ReturnType<typeof channelInputSchema.parse>, editors: string[]) {
  return {
    name: input.name,
    description: input.description,
    unitId: input.unitId ? new Types.ObjectId(input.unitId) : null,
    editorIds: editors.map((id) => new Types.ObjectId(id)),
    requiresApproval: input.requiresApproval,
  };
}

export async function createChannel(
  user: CurrentUser,
  viewer: NewsViewer,
  raw: ChannelInput,
  req?: Request,
): Promise<NewsChannelDTO> {
  if (!canManageChannels(user))
    throw await deny(user, 'news.channel.create', { type: 'news_channel' }, req);
  const input = channelInputSchema.parse(raw);
  const editors = await checkReferences(input);
  const doc = await ChannelModel.create(toFields(input, editors));
  invalidateChannels();
  await audit({
    action: 'news.channel.create',
    actorId: user.id,
    subjectType: 'news_channel',
    subjectId: String(doc._id),
    req,
  });
  const [dto] = await presentChannels([doc.toObject()], viewer);
  return dto as NewsChannelDTO;
}

export async function updateChannel(
  user: CurrentUser,
  viewer: NewsViewer,
  id: string,
  raw: ChannelInput,
  req?: Request,
): Promise<NewsChannelDTO> {
  const existing = await channelById(id);
  if (!existing) throw notFound();
  if (!canManageChannels(user))
    throw await deny(user, 'news.channel.update', { type: 'news_channel', id }, req);
  const input = channelInputSchema.parse(raw);
  const editors = await checkReferences(input);
  await ChannelModel.updateOne({ _id: id }, { $set: toFields(input, editors) });
  invalidateChannels();
  await audit({
    action: 'news.channel.update',
    actorId: user.id,
    subjectType: 'news_channel',
    subjectId: id,
    req,
  });
  const fresh = await channelById(id);
  if (!fresh) throw notFound();
  // The viewer's own office-editor rights may have changed with this edit.
  const editorOf = new Set(viewer.editorOf);
  if (editors.includes(user.id)) editorOf.add(id);
  else editorOf.delete(id);
  const [dto] = await presentChannels([fresh], { ...viewer, editorOf });
  return dto as NewsChannelDTO;
}

/** Only a channel without articles can be deleted (articles keep their channel). */
export async function deleteChannel(
  user: CurrentUser,
  id: string,
  hasArticles: boolean,
  req?: Request,
): Promise<void> {
  const existing = await channelById(id);
  if (!existing) throw notFound();
  if (!canManageChannels(user))
    throw await deny(user, 'news.channel.delete', { type: 'news_channel', id }, req);
  if (hasArticles) throw badRequest('The channel still has articles.');
  await ChannelModel.deleteOne({ _id: id });
  invalidateChannels();
  await audit({
    action: 'news.channel.delete',
    actorId: user.id,
    subjectType: 'news_channel',
    subjectId: id,
    req,
  });
}
