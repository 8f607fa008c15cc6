import sharp from 'sharp';
import type { PostReaction } from '@shared/rooms/schemas';

/**
 * Content of the demo team rooms (German: the city's working language). People are named by demo
 * account (`mover`, `employee` …) or by a placeholder `@0`…`@9` = the n-th seeded colleague of
 * the room (see `rooms.ts`), so the texts stay readable.
 */
export interface PostSeed {
  key: string;
  author: string;
  body: string;
  announcement?: boolean;
  pinned?: boolean;
  reactions?: Partial<Record<PostReaction, string[]>>;
  comments?: [author: string, body: string][];
}

export const buergerPosts: PostSeed[] = [
  {
    key: 'kickoff',
    author: 'mover',
    announcement: true,
    body: '**Willkommen im Projektraum „Digitale Bürgerdienste“!** Hier stimmen wir uns zwischen Bürgerbüros, Stadtmessungsamt und Kämmerei ab. Termine stehen unter *Termine*, Aufgaben auf dem Board. Fragen gern hier im Feed.',
    reactions: { like: ['manager', 'employee', 'hr', '@0', '@1', '@5'], thanks: ['@2'] },
    comments: [
      ['manager', 'Danke fürs Aufsetzen! Ich übernehme die Abstimmung mit der Amtsleitung.'],
      ['@0', 'Die Bürgerbüros sind dabei. Wir bringen die Zahlen zu den Terminbuchungen mit.'],
    ],
  },
  {
    key: 'ziele',
    author: 'mover',
    pinned: true,
    body: 'Unsere Ziele bis Jahresende:\n- Online-Terminvergabe für alle Bürgerbüros\n- Anträge auf Anwohnerparkausweis komplett digital\n- Wartezeit im Bürgerbüro Mitte unter 20 Minuten\n\nDer Projektauftrag liegt unter *Dateien → Projektunterlagen*.',
    reactions: { like: ['manager', 'employee', '@3'], idea: ['@6'] },
  },
  {
    key: 'umfrage',
    author: 'employee',
    body: 'Die Auswertung der Bürgerumfrage ist da: 64 % wünschen sich Online-Termine auch samstags. Sollen wir das für den Pilot einplanen?',
    reactions: { idea: ['mover', '@1'], question: ['manager'] },
    comments: [
      ['@1', 'Samstags können wir im Bürgerbüro Mitte abdecken, andere Standorte eher nicht.'],
      ['mover', 'Gute Idee – nehmen wir in den Workshop mit.'],
      ['employee', 'Ich bereite dafür eine Folie vor.'],
    ],
  },
  {
    key: 'karte',
    author: '@5',
    body: 'Vom Stadtmessungsamt: Die Standortkarte der Bürgerbüros ist jetzt als Prozesslandkarte im Ordner *Bilder*. Feedback bitte bis Freitag.',
    reactions: { thanks: ['mover', 'employee'], like: ['@0'] },
  },
  {
    key: 'datenschutz',
    author: 'hr',
    body: 'Hinweis aus dem Personalamt: Für die Schulungen der Kolleginnen und Kollegen in den Bürgerbüros gibt es Budget aus der Fortbildung. @employee, kannst du den Bedarf bis Monatsende sammeln?',
    reactions: { like: ['mover', 'manager'] },
    comments: [['employee', 'Mache ich, ich melde mich bis zum 25.']],
  },
  {
    key: 'parkausweis',
    author: '@2',
    body: 'Kurzer Stand zum Anwohnerparkausweis: Das Formular ist fertig, die Schnittstelle zur Zahlung wird nächste Woche getestet.',
    reactions: { like: ['mover', '@3', '@4'] },
    comments: [['manager', 'Sehr gut. Bitte den Testbericht ins Wiki legen.']],
  },
  {
    key: 'retro',
    author: 'manager',
    body: 'Danke an alle für die Retro gestern! Wichtigste Punkte: kürzere Abstimmungswege, feste Ansprechpersonen je Bürgerbüro, Stand-up dienstags und donnerstags um 9:15 Uhr.',
    reactions: { thanks: ['mover', 'employee', 'hr', '@0'] },
  },
];

export const agilePosts: PostSeed[] = [
  {
    key: 'willkommen',
    author: 'mover',
    body: 'Willkommen in der Community of Practice **Agiles Arbeiten**! Hier teilen wir Erfahrungen mit Scrum, Kanban und Retrospektiven in der Verwaltung. Stellt euch gern kurz vor.',
    reactions: { like: ['@0', '@1', '@2', '@3', '@4', '@5', '@6'] },
    comments: [
      ['@0', 'Hallo zusammen! Wir probieren im Bürgerbüro gerade ein Kanban-Board aus.'],
      ['@3', 'Hallo aus dem Sozialamt – wir starten mit täglichen Stand-ups.'],
    ],
  },
  {
    key: 'lesetipp',
    author: '@4',
    body: 'Lesetipp: „Agile Verwaltung“ – gibt es in der Stadtbibliothek auch als E-Book.',
    reactions: { thanks: ['mover', '@1', '@8'] },
  },
  {
    key: 'barcamp',
    author: '@7',
    body: 'Wer hat Lust auf ein internes Barcamp zum Thema Retrospektiven im Herbst? Ich würde die Organisation übernehmen.',
    reactions: { idea: ['mover', '@2', '@5', '@9'], like: ['@6'] },
    comments: [['mover', 'Sehr gern! Den Raum im Rathaus kann ich reservieren.']],
  },
];

export const hauptamtPosts: PostSeed[] = [
  {
    key: 'personalplanung',
    author: 'hr',
    body: 'Die Personalplanung für das kommende Jahr ist abgestimmt. Details nur hier im Teamraum – bitte vertraulich behandeln.',
    reactions: { like: ['@0', '@1'] },
  },
  {
    key: 'urlaub',
    author: '@0',
    body: 'Bitte tragt eure Urlaube für die Sommerferien bis Ende des Monats ein, damit die Vertretungen stehen.',
  },
];

export const opendataPosts: PostSeed[] = [
  {
    key: 'portal',
    author: 'editor',
    body: 'Die neuen Datensätze (Parkhäuser, Bevölkerung nach Stadtbezirken) sind im Open-Data-Portal veröffentlicht.',
    reactions: { like: ['employee2', '@0'] },
  },
  {
    key: 'abschluss',
    author: '@0',
    body: 'Das Projekt ist aus Sicht der Statistik abgeschlossen. Sollen wir den Raum archivieren?',
  },
];

export interface EventSeed {
  key: string;
  title: string;
  description: string;
  inDays: number;
  /** Local time in Stuttgart, [hour, minute]; null: all-day. */
  from: [number, number] | null;
  to: [number, number] | null;
  place: string;
  videoUrl: string | null;
  answers: Record<string, 'yes' | 'no' | 'maybe'>;
}

export const buergerEvents: EventSeed[] = [
  {
    key: 'review',
    title: 'Sprint-Review Online-Terminvergabe',
    description: 'Wir zeigen den Stand der Terminbuchung und sammeln Rückmeldungen.',
    inDays: 3,
    from: [10, 0],
    to: [11, 0],
    place: '',
    videoUrl: 'https://meet.stuttgart.example/digitale-buergerdienste',
    answers: { mover: 'yes', manager: 'yes', employee: 'maybe', '@0': 'yes', '@1': 'no' },
  },
  {
    key: 'workshop',
    title: 'Workshop: Bürgerbüro der Zukunft',
    description: 'Halbtägiger Workshop mit den Leitungen der Bürgerbüros.',
    inDays: 10,
    from: [9, 0],
    to: [12, 30],
    place: 'Rathaus, Marktplatz 1, Raum 301',
    videoUrl: null,
    answers: { mover: 'yes', employee: 'yes', hr: 'maybe', '@2': 'yes' },
  },
  {
    key: 'projekttag',
    title: 'Projekttag im Bürgerbüro Mitte',
    description: 'Ganztägig vor Ort: Abläufe beobachten und mit Bürgerinnen und Bürgern sprechen.',
    inDays: 17,
    from: null,
    to: null,
    place: 'Bürgerbüro Mitte, Eberhardstraße 39',
    videoUrl: null,
    answers: { mover: 'yes', manager: 'no', '@0': 'yes', '@3': 'maybe' },
  },
];

export interface TaskSeed {
  key: string;
  title: string;
  status: 'todo' | 'doing' | 'done';
  assignees: string[];
  /** Days from today (negative: overdue); null: no due date. */
  dueInDays: number | null;
}

/** Created in this order; each goes to the top of its column, so the last listed ends up first. */
export const buergerTasks: TaskSeed[] = [
  {
    key: 'kickoff',
    title: 'Kick-off vorbereiten',
    status: 'done',
    assignees: ['mover'],
    dueInDays: -14,
  },
  {
    key: 'umfrage',
    title: 'Bürgerumfrage auswerten',
    status: 'done',
    assignees: ['employee'],
    dueInDays: -5,
  },
  {
    key: 'formular',
    title: 'Formular Anwohnerparkausweis fertigstellen',
    status: 'done',
    assignees: ['@2'],
    dueInDays: -2,
  },
  {
    key: 'datenschutz',
    title: 'Datenschutz-Folgenabschätzung abstimmen',
    status: 'doing',
    assignees: ['manager'],
    dueInDays: -3,
  },
  {
    key: 'schnittstelle',
    title: 'Zahlungsschnittstelle testen',
    status: 'doing',
    assignees: ['@2', '@5'],
    dueInDays: 6,
  },
  {
    key: 'schulung',
    title: 'Schulungsbedarf der Bürgerbüros sammeln',
    status: 'todo',
    assignees: ['employee', 'hr'],
    dueInDays: 12,
  },
  {
    key: 'workshop',
    title: 'Workshop „Bürgerbüro der Zukunft“ moderieren',
    status: 'todo',
    assignees: ['mover'],
    dueInDays: 10,
  },
  {
    key: 'samstag',
    title: 'Samstagstermine im Bürgerbüro Mitte prüfen',
    status: 'todo',
    assignees: ['@1'],
    dueInDays: null,
  },
];

/** A small PNG (a blue bar chart on white), made in code. */
export async function demoPng(): Promise<Buffer> {
  const bars = [40, 90, 65, 120]
    .map(
      (h, i) => `<rect x="${30 + i * 60}" y="${160 - h}" width="40" height="${h}" fill="#0b5ea8"/>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="180"><rect width="280" height="180" fill="#fff"/>${bars}<rect x="20" y="160" width="240" height="2" fill="#333"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A valid one-page PDF with a line of text (xref offsets computed), made in code. */
export function demoPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 50 750 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
