import { Types } from 'mongoose';
import { ChannelModel } from '../../modules/news/channel.model';
import { ArticleModel, type Article } from '../../modules/news/article.model';
import { ArticleBodyModel } from '../../modules/news/article-body.model';
import type { PersonRow, UnitRow } from './build';

/**
 * Demo news: three city-wide channels and one per office (its leader as office editor), a few
 * published articles (one pinned, one mandatory, one with a plain-language version, one targeted
 * at a single office) and a draft. Bulk inserts; the read model loads them on first use.
 */
export async function insertDemoNews(demo: {
  units: UnitRow[];
  people: PersonRow[];
}): Promise<void> {
  const offices = demo.units.filter((u) => u.kind === 'office');
  const byName = new Map(demo.people.map((p) => [p.username, p]));
  const editor = byName.get('editor') ?? demo.people[0];
  const hr = byName.get('hr') ?? editor;
  const employee = byName.get('employee');
  if (!editor || !hr) return;
  const now = Date.now();
  const day = 86_400_000;
  const channel = (de: string, en: string, descDe: string, descEn: string, extra: object = {}) => ({
    _id: new Types.ObjectId(),
    name: { de, en },
    description: { de: descDe, en: descEn },
    unitId: null,
    editorIds: [],
    requiresApproval: false,
    ...extra,
  });
  const city = channel(
    'Aus der Verwaltung',
    'From the administration',
    'Neuigkeiten für alle Beschäftigten',
    'News for all staff',
  );
  const digital = channel(
    'Digital MoveS',
    'Digital MoveS',
    'Digitalisierung der Stadtverwaltung',
    'Digitalising the city administration',
  );
  const personnel = channel(
    'Personal',
    'Human resources',
    'Aus dem Personalamt',
    'From the personnel office',
    {
      requiresApproval: true,
      editorIds: [hr._id],
    },
  );
  const perOffice = offices.map((o) =>
    channel(o.name, o.name, `Neuigkeiten aus: ${o.name}`, `News from: ${o.name}`, {
      unitId: o._id,
      editorIds: o.leaderId ? [o.leaderId] : [],
    }),
  );
  await ChannelModel.insertMany([city, digital, personnel, ...perOffice], { lean: true });

  const everyone = { units: [], roles: [], locationIds: [] };
  const employeeOffice = offices.find(
    (o) =>
      employee?.unitId &&
      (String(o._id) === String(employee.unitId) ||
        demo.units.some(
          (u) =>
            String(u._id) === String(employee.unitId) &&
            u.path.some((p) => String(p) === String(o._id)),
        )),
  );
  interface Seed extends Partial<Article> {
    title: string;
    teaser: string;
    body: string;
    channelId: Types.ObjectId;
    ago: number;
    plain?: { title: string; teaser: string; body: string };
  }
  const seeds: Seed[] = [
    {
      channelId: city._id,
      title: 'Willkommen im neuen Mitarbeiterportal',
      teaser: 'Alles Wichtige an einem Ort: Nachrichten, Apps und Ihr Team.',
      body: '<p>Ab heute finden Sie alle Nachrichten der Stadtverwaltung im Portal.</p><h2>Was ist neu?</h2><ul><li>Nachrichten für Sie persönlich</li><li>Ihre Apps mit einem Klick</li></ul>',
      pinned: true,
      highlighted: true,
      ago: 1,
    },
    {
      channelId: digital._id,
      title: 'E-Akte: Schulungen im März',
      teaser: 'Die Termine für die Einführung der E-Akte stehen fest.',
      body: '<p>Melden Sie sich über das Fortbildungsprogramm an.</p>',
      ago: 2,
    },
    {
      channelId: personnel._id,
      title: 'Neue Dienstvereinbarung zur mobilen Arbeit',
      teaser: 'Bitte lesen und bestätigen Sie die Kenntnisnahme.',
      body: '<p>Die Dienstvereinbarung gilt ab dem 1. des nächsten Monats.</p>',
      mandatory: { deadline: new Date(now + 14 * day), round: 1 },
      ago: 3,
    },
    {
      channelId: city._id,
      title: 'Hitzeschutz im Sommer',
      teaser: 'Tipps für heiße Tage im Büro und im Außendienst.',
      body: '<p>Trinken Sie ausreichend Wasser.</p>',
      plain: {
        title: 'Schutz vor Hitze',
        teaser: 'So bleiben Sie bei Hitze gesund.',
        body: '<p>Trinken Sie viel Wasser. Machen Sie Pausen im Schatten.</p>',
      },
      ago: 4,
    },
    ...(employeeOffice
      ? [
          {
            channelId: perOffice[offices.indexOf(employeeOffice)]?._id ?? city._id,
            title: `Betriebsausflug ${employeeOffice.name}`,
            teaser: 'Nur für unser Amt: Anmeldung bis Freitag.',
            body: '<p>Wir freuen uns auf Sie.</p>',
            audience: {
              units: [{ unitId: String(employeeOffice._id), withSubunits: true }],
              roles: [],
              locationIds: [],
            },
            ago: 5,
          },
        ]
      : []),
  ];
  const articles: Article[] = [];
  const bodies: { _id: Types.ObjectId; de: string; en: null; plain: string | null; rev: number }[] =
    [];
  for (const s of seeds) {
    const _id = new Types.ObjectId();
    const at = new Date(now - s.ago * day);
    const plain = s.plain;
    articles.push({
      _id,
      channelId: s.channelId,
      status: 'published',
      variants: {
        de: { title: s.title, teaser: s.teaser },
        en: null,
        plain: plain
          ? { title: plain.title, teaser: plain.teaser, reviewedById: hr._id, reviewedAt: at }
          : null,
      },
      cover: null,
      attachments: [],
      audience: s.audience ?? everyone,
      authorId: editor._id,
      unitId: editor.unitId ?? null,
      pinned: s.pinned ?? false,
      highlighted: s.highlighted ?? false,
      mandatory: s.mandatory ?? null,
      publishAt: null,
      publishedAt: at,
      expiresAt: null,
      allowComments: true,
      allowReactions: true,
      rev: 2,
      history: [
        { rev: 1, at, byId: editor._id, action: 'created', material: false, note: '' },
        { rev: 2, at, byId: editor._id, action: 'published', material: false, note: '' },
      ],
      approval: null,
      expiryAnnounced: false,
      createdAt: at,
      updatedAt: at,
    } as Article);
    bodies.push({ _id, de: s.body, en: null, plain: plain?.body ?? null, rev: 2 });
  }
  await ArticleModel.insertMany(articles, { lean: true });
  await ArticleBodyModel.insertMany(bodies, { lean: true });
}
