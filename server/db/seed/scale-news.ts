import { Types } from 'mongoose';
import type { Audience } from '@shared/org/audience';
import { bumpStamp } from '../../lib/stamps';
import { ChannelModel } from '../../modules/news/channel.model';
import { ArticleModel, type Article } from '../../modules/news/article.model';
import { ArticleBodyModel } from '../../modules/news/article-body.model';
import { ReaderModel } from '../../modules/news/reader-state';
import { AckBucketModel, ackBucketId, ackBucketOf } from '../../modules/news/ack.model';
import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';
import { LocationModel } from '../../modules/org/location.model';

/**
 * News at city scale for benchmarks: channels (city-wide ones and one per office), `count`
 * articles over the last two years with varied audiences (everyone; one office; an office with its
 * departments; roles; locations), some pinned, some mandatory with deadlines, bodies of a few
 * paragraphs, and reading state and acknowledgements for a share of the people. Bulk inserts
 * through the news models, then the read model's stamp is replaced.
 */
const topics = [
  ['Neue Öffnungszeiten im Bürgerbüro', 'Ab dem kommenden Monat gelten geänderte Zeiten.'],
  [
    'Digitale Akte: nächste Ämter starten',
    'Die E-Akte wird schrittweise in weiteren Ämtern eingeführt.',
  ],
  ['Betriebliches Gesundheitsmanagement', 'Neue Kurse zu Rückengesundheit und Stressbewältigung.'],
  ['Personalversammlung im Rathaus', 'Tagesordnung und Anmeldung für die Personalversammlung.'],
  ['Hitzeschutz am Arbeitsplatz', 'Hinweise für heiße Tage im Büro und im Außendienst.'],
  ['Neue Dienstvereinbarung mobiles Arbeiten', 'Was sich für Beschäftigte ändert und ab wann.'],
  ['IT-Sicherheit: Vorsicht vor Phishing', 'Aktuelle Betrugsmails und wie man sie erkennt.'],
  ['Stadtradeln: Teams gesucht', 'Die Stadtverwaltung tritt wieder beim Stadtradeln an.'],
  ['Fortbildungsprogramm des Haupt- und Personalamts', 'Das neue Programm ist online.'],
  ['Umzug der Abteilung in die Eberhardstraße', 'Der Umzug erfolgt in drei Abschnitten.'],
  ['Brandschutzübung im Technischen Rathaus', 'Bitte die Hinweise zu den Sammelplätzen beachten.'],
  ['Ergebnisse der Beschäftigtenbefragung', 'Die wichtigsten Erkenntnisse und nächste Schritte.'],
  ['Neue Software für die Zeiterfassung', 'Schulungstermine und Ansprechpersonen.'],
  ['Jobticket: Änderungen zum Jahreswechsel', 'Zuschuss und Bestellung im Überblick.'],
  ['Barrierefreie Dokumente erstellen', 'Leitfaden und Vorlagen für Word und PDF.'],
  ['Gemeinderat beschließt Doppelhaushalt', 'Was der Beschluss für die Ämter bedeutet.'],
];
const paragraphs = [
  'Die Stadtverwaltung Stuttgart informiert alle Beschäftigten über die anstehenden Änderungen. Bitte lesen Sie die folgenden Hinweise aufmerksam durch.',
  'Für Rückfragen stehen die Ansprechpersonen in Ihrem Amt zur Verfügung. Weitere Informationen finden Sie im Intranet unter den Dienstanweisungen.',
  'Die Umsetzung erfolgt schrittweise. Führungskräfte werden gebeten, ihre Teams rechtzeitig zu informieren und offene Fragen zu sammeln.',
  'Wir danken allen Kolleginnen und Kollegen, die an der Vorbereitung mitgewirkt haben, für ihr Engagement.',
  'Die Teilnahme ist während der Arbeitszeit möglich. Eine Anmeldung über das Fortbildungsportal ist erforderlich.',
];

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface NewsSeedResult {
  channels: number;
  articles: number;
  readers: number;
  ms: number;
}

export async function seedNews(
  count: number,
  log: (msg: string) => void = () => undefined,
  batchSize = 500,
): Promise<NewsSeedResult> {
  const started = Date.now();
  const rand = prng(count * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const units = await UnitModel.find({})
    .select({ _id: 1, name: 1, parentId: 1 })
    .lean<{ _id: Types.ObjectId; name: string; parentId: Types.ObjectId | null }[]>();
  const offices = units.filter((u) => !u.parentId);
  const locations = await LocationModel.find().select({ _id: 1 }).lean();
  const people = await PersonModel.find({ active: true })
    .select({ _id: 1, roles: 1 })
    .lean<{ _id: Types.ObjectId; roles: string[] }[]>();
  const editors = people.filter((p) => p.roles.includes('editor'));
  const authors = editors.length > 0 ? editors : people.slice(0, 10);

  const cityWide = [
    ['Aus der Verwaltung', 'From the administration'],
    ['Digital MoveS', 'Digital MoveS'],
    ['Personal', 'Human resources'],
  ].map(([de, en]) => ({
    _id: new Types.ObjectId(),
    name: { de, en },
    description: { de: '', en: '' },
    unitId: null,
    editorIds: [],
    requiresApproval: false,
  }));
  const officeChannels = offices.map((o) => ({
    _id: new Types.ObjectId(),
    name: { de: o.name, en: o.name },
    description: { de: '', en: '' },
    unitId: o._id,
    editorIds: [],
    requiresApproval: false,
  }));
  await ChannelModel.insertMany([...cityWide, ...officeChannels]);
  const officeChannel = new Map(officeChannels.map((c) => [String(c.unitId), c._id]));

  const now = Date.now();
  const day = 86_400_000;
  const audienceOf = (office: { _id: Types.ObjectId }): Audience => {
    const r = rand();
    const everyone = { units: [], roles: [], locationIds: [] };
    if (r < 0.45) return everyone;
    if (r < 0.6)
      return { ...everyone, units: [{ unitId: String(office._id), withSubunits: false }] };
    if (r < 0.8)
      return { ...everyone, units: [{ unitId: String(office._id), withSubunits: true }] };
    if (r < 0.9) return { ...everyone, roles: [pick(['manager', 'editor', 'hr'] as const)] };
    const loc = pick(locations);
    return { ...everyone, locationIds: loc ? [String(loc._id)] : [] };
  };

  const mandatoryIds: { id: string; round: number }[] = [];
  const liveIds: string[] = [];
  let inserted = 0;
  for (let start = 0; start < count; start += batchSize) {
    const articles: Omit<Article, 'createdAt' | 'updatedAt'>[] = [];
    const bodies: { _id: Types.ObjectId; de: string; en: null; plain: null; rev: number }[] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i += 1) {
      const office = pick(offices);
      const audience = audienceOf(office);
      const officeScoped = audience.units.length > 0;
      const channelId = officeScoped
        ? (officeChannel.get(String(office._id)) ?? pick(cityWide)._id)
        : pick(cityWide)._id;
      const [title, teaser] = pick(topics) as [string, string];
      const publishedAt = new Date(now - Math.floor(rand() * 730 * day));
      const status = rand() < 0.95 ? 'published' : rand() < 0.5 ? 'draft' : 'archived';
      const mandatory =
        status === 'published' && rand() < 0.04
          ? {
              deadline: new Date(now + (rand() < 0.5 ? 1 : -1) * Math.ceil(rand() * 30) * day),
              round: 1,
            }
          : null;
      const _id = new Types.ObjectId();
      if (mandatory) mandatoryIds.push({ id: String(_id), round: 1 });
      if (status === 'published') liveIds.push(String(_id));
      const author = pick(authors);
      articles.push({
        _id,
        channelId,
        status,
        variants: { de: { title: `${title} (${i + 1})`, teaser }, en: null, plain: null },
        cover: null,
        attachments: [],
        audience: {
          units: audience.units.map((u) => ({ ...u, unitId: new Types.ObjectId(u.unitId) })),
          roles: audience.roles,
          locationIds: audience.locationIds.map((l) => new Types.ObjectId(l)),
        } as unknown as Audience, // stored with ObjectIds, as the news service writes it
        authorId: author._id,
        unitId: office._id,
        pinned: status === 'published' && rand() < 0.005,
        highlighted: rand() < 0.02,
        mandatory,
        publishAt: null,
        publishedAt: status === 'draft' ? null : publishedAt,
        expiresAt: null,
        allowComments: true,
        allowReactions: true,
        rev: 1,
        history: [],
        approval: null,
        expiryAnnounced: false,
      });
      const n = 2 + Math.floor(rand() * 3);
      const body = Array.from({ length: n }, () => `<p>${pick(paragraphs)}</p>`).join('');
      bodies.push({ _id, de: `<h2>${title}</h2>${body}`, en: null, plain: null, rev: 1 });
    }
    await ArticleModel.insertMany(articles, { lean: true });
    await ArticleBodyModel.insertMany(bodies, { lean: true });
    inserted += articles.length;
    log(`articles: ${inserted}/${count}`);
  }

  // Reading state for a share of the people: recent articles read, some acknowledgements.
  const recent = liveIds.slice(-300);
  const readers = people.filter(() => rand() < 0.3);
  const buckets = new Map<string, Record<string, Date>>();
  for (let start = 0; start < readers.length; start += batchSize) {
    const docs = readers.slice(start, start + batchSize).map((p) => {
      const id = String(p._id);
      const read = recent.filter(() => rand() < 0.1);
      const acks: Record<string, { round: number; at: Date }> = {};
      for (const m of mandatoryIds) {
        if (rand() < 0.3) {
          const at = new Date(now - Math.floor(rand() * 10 * day));
          acks[m.id] = { round: m.round, at };
          const key = ackBucketId(m.id, m.round, ackBucketOf(id));
          buckets.set(key, { ...(buckets.get(key) ?? {}), [id]: at });
        }
      }
      return { _id: id, read, acks, reactions: {} };
    });
    await ReaderModel.insertMany(docs, { lean: true });
  }
  const ackDocs = [...buckets].map(([_id, acks]) => ({ _id, acks }));
  for (let start = 0; start < ackDocs.length; start += batchSize) {
    await AckBucketModel.insertMany(ackDocs.slice(start, start + batchSize), { lean: true });
  }
  await bumpStamp('news-version');
  log(`reading state: ${readers.length} readers, ${ackDocs.length} acknowledgement buckets`);
  return {
    channels: cityWide.length + officeChannels.length,
    articles: inserted,
    readers: readers.length,
    ms: Date.now() - started,
  };
}

/** Removes seeded news (with `--reset`). */
export async function clearNews(): Promise<void> {
  await Promise.all([
    ChannelModel.deleteMany({}),
    ArticleModel.deleteMany({}),
    ArticleBodyModel.deleteMany({}),
    ReaderModel.deleteMany({}),
    AckBucketModel.deleteMany({}),
  ]);
  await bumpStamp('news-version');
}
