import type { CourseContentInput } from '@shared/learning/schemas';

/**
 * Texts and generated files of the demo e-learning courses (German, Stuttgart city staff). Ids of
 * modules, lessons, questions and options are fixed: progress and quiz answers refer to them.
 */

export const demoCategories: { key: string; de: string; en: string }[] = [
  { key: 'digital', de: 'Digitale Kompetenzen', en: 'Digital skills' },
  { key: 'safety', de: 'Arbeitsschutz und Gesundheit', en: 'Occupational safety and health' },
  { key: 'lead', de: 'Führung', en: 'Leadership' },
  { key: 'law', de: 'Recht und Verwaltung', en: 'Law and administration' },
  { key: 'itsec', de: 'IT-Sicherheit', en: 'IT security' },
];

// ---------------------------------------------------------------- generated files

/** One second of 8 kHz mono 16-bit silence as a valid RIFF/WAVE file (16 kB, no download). */
export function silentWav(seconds = 1, rate = 8000): Buffer {
  const data = rate * 2 * seconds;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16); // PCM chunk size
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28); // byte rate
  b.writeUInt16LE(2, 32); // block align
  b.writeUInt16LE(16, 34); // bits per sample
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  return b;
}

export const phishingCaptions = Buffer.from(
  [
    'WEBVTT',
    '',
    '00:00.000 --> 00:00.500',
    'Phishing-Mails erkennen Sie an Absender, Anrede und Links.',
    '',
    '00:00.500 --> 00:01.000',
    'Im Zweifel: nicht klicken, sondern die IT-Sicherheit informieren.',
    '',
  ].join('\n'),
  'utf8',
);

export const phishingTranscript = [
  'Phishing-Mails erkennen Sie an Absender, Anrede und Links.',
  'Prüfen Sie die Absenderadresse genau, achten Sie auf eine unpersönliche Anrede und fahren Sie',
  'mit der Maus über Links, bevor Sie klicken.',
  'Im Zweifel: nicht klicken, sondern die IT-Sicherheit informieren.',
].join(' ');

// ---------------------------------------------------------------- Informationssicherheit

export const INFOSEC = {
  text: 'infosec-l-grundlagen',
  link: 'infosec-l-bsi',
  pdf: 'infosec-l-merkblatt',
  media: 'infosec-l-phishing',
  quiz: 'infosec-l-quiz',
} as const;

export interface InfosecFiles {
  pdf: string;
  media: string;
  captions: string;
}

/** The quiz answers that pass (all four right): questionId → option ids. */
export const infosecRightAnswers: Record<string, string[]> = {
  'infosec-q1': ['infosec-q1-b'],
  'infosec-q2': ['infosec-q2-a', 'infosec-q2-c'],
  'infosec-q3': ['infosec-q3-c'],
  'infosec-q4': ['infosec-q4-a', 'infosec-q4-b', 'infosec-q4-d'],
};

const opt = (id: string, text: string, correct = false) => ({ id, text, correct });

export function infosecContent(files: InfosecFiles): CourseContentInput {
  return {
    rev: 0,
    assessment: [],
    modules: [
      {
        id: 'infosec-m-basics',
        title: 'Grundlagen der Informationssicherheit',
        lessons: [
          {
            id: INFOSEC.text,
            type: 'text',
            title: 'Warum Informationssicherheit uns alle angeht',
            html:
              '<p>Die Stadtverwaltung Stuttgart verarbeitet täglich vertrauliche Daten von Bürgerinnen und Bürgern: Meldedaten, Steuerbescheide, Sozialleistungen. Ein einziger unbedachter Klick kann Fachverfahren lahmlegen.</p>' +
              '<h2>Die drei Schutzziele</h2><ul><li><strong>Vertraulichkeit</strong>: nur Berechtigte sehen Daten.</li><li><strong>Integrität</strong>: Daten bleiben richtig und vollständig.</li><li><strong>Verfügbarkeit</strong>: Systeme stehen zur Verfügung, wenn sie gebraucht werden.</li></ul>' +
              '<p>Sperren Sie Ihren Bildschirm mit <kbd>Windows</kbd> + <kbd>L</kbd>, sobald Sie den Arbeitsplatz verlassen.</p>',
          },
          {
            id: INFOSEC.link,
            type: 'link',
            title: 'BSI: Informationen für Beschäftigte',
            html: '<p>Das Bundesamt für Sicherheit in der Informationstechnik bietet verständliche Hinweise zum sicheren Arbeiten.</p>',
            url: 'https://www.bsi.bund.de/',
          },
          {
            id: INFOSEC.pdf,
            type: 'file',
            title: 'Merkblatt: Sicher arbeiten im Büro und im Homeoffice',
            html: '<p>Das Merkblatt zum Ausdrucken fasst die wichtigsten Regeln auf einer Seite zusammen.</p>',
            fileIds: [files.pdf],
          },
        ],
      },
      {
        id: 'infosec-m-practice',
        title: 'Angriffe erkennen und richtig reagieren',
        lessons: [
          {
            id: INFOSEC.media,
            type: 'media',
            title: 'Phishing-Mails erkennen (Audio)',
            html: '<p>Eine kurze Audio-Einheit mit Untertiteln und Transkript.</p>',
            mediaFileId: files.media,
            captionsFileId: files.captions,
            transcript: phishingTranscript,
          },
          {
            id: INFOSEC.quiz,
            type: 'quiz',
            title: 'Abschlusstest Informationssicherheit',
            html: '<p>Vier Fragen; bestanden ab 75 %. Sie haben drei Versuche.</p>',
            quiz: {
              passingScore: 75,
              maxAttempts: 3,
              questions: [
                {
                  id: 'infosec-q1',
                  kind: 'single',
                  text: 'Sie verlassen kurz Ihren Arbeitsplatz. Was tun Sie?',
                  options: [
                    opt('infosec-q1-a', 'Nichts, ich bin ja gleich zurück.'),
                    opt('infosec-q1-b', 'Ich sperre den Bildschirm (Windows + L).', true),
                    opt('infosec-q1-c', 'Ich schalte nur den Monitor aus.'),
                  ],
                  feedback:
                    'Ein gesperrter Bildschirm schützt vor unbefugtem Zugriff, auch für kurze Zeit.',
                },
                {
                  id: 'infosec-q2',
                  kind: 'multiple',
                  text: 'Woran erkennen Sie eine Phishing-Mail? (mehrere Antworten richtig)',
                  options: [
                    opt(
                      'infosec-q2-a',
                      'Die Absenderadresse passt nicht zum angeblichen Absender.',
                      true,
                    ),
                    opt('infosec-q2-b', 'Die Mail kommt von einer Kollegin aus dem eigenen Amt.'),
                    opt(
                      'infosec-q2-c',
                      'Sie werden unter Zeitdruck gesetzt, ein Passwort einzugeben.',
                      true,
                    ),
                  ],
                  feedback: 'Gefälschte Absender und künstlicher Zeitdruck sind typische Merkmale.',
                },
                {
                  id: 'infosec-q3',
                  kind: 'single',
                  text: 'Sie finden einen USB-Stick auf dem Parkplatz des Rathauses. Was tun Sie?',
                  options: [
                    opt('infosec-q3-a', 'Ich stecke ihn ein, um den Besitzer zu finden.'),
                    opt('infosec-q3-b', 'Ich werfe ihn in den Papierkorb.'),
                    opt('infosec-q3-c', 'Ich gebe ihn ungeöffnet bei der IT-Sicherheit ab.', true),
                  ],
                  feedback:
                    'Fremde Datenträger können Schadsoftware enthalten: niemals anschließen.',
                },
                {
                  id: 'infosec-q4',
                  kind: 'multiple',
                  text: 'Welche Passwörter sind sicher? (mehrere Antworten richtig)',
                  options: [
                    opt(
                      'infosec-q4-a',
                      'Ein langer Satz aus mehreren Wörtern mit Sonderzeichen',
                      true,
                    ),
                    opt('infosec-q4-b', 'Ein zufälliges Passwort aus dem Passwort-Manager', true),
                    opt('infosec-q4-c', 'Stuttgart2024'),
                    opt('infosec-q4-d', 'Eine Passphrase, die ich nirgends sonst verwende', true),
                  ],
                  feedback: 'Lang, einzigartig und nicht zu erraten: so sind Passwörter sicher.',
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------- Datenschutz

export const DSGVO_LESSONS = ['dsgvo-l-grundsaetze', 'dsgvo-l-betroffene', 'dsgvo-l-panne'];

export const dsgvoContent: CourseContentInput = {
  rev: 0,
  assessment: [],
  modules: [
    {
      id: 'dsgvo-m-basics',
      title: 'Datenschutz im Verwaltungsalltag',
      lessons: [
        {
          id: 'dsgvo-l-grundsaetze',
          type: 'text',
          title: 'Die Grundsätze der DSGVO',
          html: '<p>Personenbezogene Daten dürfen nur rechtmäßig, zweckgebunden und so sparsam wie möglich verarbeitet werden (Art. 5 DSGVO).</p><ul><li>Zweckbindung: Daten aus dem Wohngeldantrag sind kein Adressverzeichnis.</li><li>Datenminimierung: nur erheben, was für die Aufgabe nötig ist.</li><li>Speicherbegrenzung: Aufbewahrungsfristen beachten.</li></ul>',
        },
        {
          id: 'dsgvo-l-betroffene',
          type: 'text',
          title: 'Rechte der Betroffenen',
          html: '<p>Bürgerinnen und Bürger haben ein Recht auf Auskunft, Berichtigung und Löschung. Anfragen leiten Sie bitte innerhalb von zwei Arbeitstagen an die Datenschutzkoordination Ihres Amtes weiter.</p>',
        },
        {
          id: 'dsgvo-l-panne',
          type: 'text',
          title: 'Datenpanne – was nun?',
          html: '<p>Eine E-Mail an den falschen Empfänger, ein verlorener Aktenordner: Melden Sie jede Datenpanne sofort der oder dem Datenschutzbeauftragten. Die Stadt muss innerhalb von 72 Stunden an die Aufsichtsbehörde melden.</p>',
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------- Digital-Check

const areas: [string, string[]][] = [
  [
    'Kommunikation und Zusammenarbeit',
    [
      'Ich nehme sicher an Videokonferenzen teil und teile dabei meinen Bildschirm.',
      'Ich arbeite mit Kolleginnen und Kollegen gleichzeitig an einem Dokument.',
      'Ich nutze den Chat des Mitarbeiterportals für kurze Abstimmungen.',
    ],
  ],
  [
    'Informationen finden und bewerten',
    [
      'Ich finde Informationen im Wiki und im Intranet schnell.',
      'Ich erkenne, ob eine Quelle im Internet vertrauenswürdig ist.',
      'Ich lege Dateien so ab, dass andere sie wiederfinden.',
    ],
  ],
  [
    'Sicherheit und Datenschutz',
    [
      'Ich erkenne verdächtige E-Mails und melde sie.',
      'Ich verwende für jeden Dienst ein eigenes, sicheres Passwort.',
      'Ich weiß, welche Daten ich per E-Mail verschicken darf.',
    ],
  ],
  [
    'Digitale Verwaltungsverfahren',
    [
      'Ich bearbeite Vorgänge in der E-Akte ohne Papier.',
      'Ich kann Bürgerinnen und Bürgern Online-Dienste der Stadt erklären.',
      'Ich probiere neue digitale Werkzeuge gern aus.',
    ],
  ],
];

export const digitalCheckContent: CourseContentInput = {
  rev: 0,
  modules: [],
  assessment: areas.flatMap(([area, statements], a) =>
    statements.map((statement, s) => ({ id: `digicheck-${a + 1}-${s + 1}`, area, statement })),
  ),
};

// ---------------------------------------------------------------- trainings and the draft

export const moderationContent: CourseContentInput = {
  rev: 0,
  assessment: [],
  modules: [
    {
      id: 'moderation-m-prep',
      title: 'Vorbereitung',
      lessons: [
        {
          id: 'moderation-l-prep',
          type: 'text',
          title: 'Vor dem Seminar',
          html: '<p>Bringen Sie bitte ein Beispiel einer Besprechung aus Ihrem Arbeitsalltag mit, die Sie moderieren oder moderiert haben. Wir arbeiten in Kleingruppen mit Methoden wie Zielklärung, Redeliste und Ergebnissicherung.</p>',
        },
      ],
    },
  ],
};

export const firstAidContent: CourseContentInput = {
  rev: 0,
  assessment: [],
  modules: [
    {
      id: 'firstaid-m-info',
      title: 'Organisatorisches',
      lessons: [
        {
          id: 'firstaid-l-info',
          type: 'text',
          title: 'Ablauf der Auffrischung',
          html: '<p>Die Auffrischung für betriebliche Ersthelferinnen und Ersthelfer dauert einen Tag (9 Unterrichtseinheiten) und ist alle zwei Jahre vorgeschrieben (DGUV Vorschrift 1). Bitte bequeme Kleidung tragen.</p>',
        },
      ],
    },
  ],
};

export const partTimeLeadershipContent: CourseContentInput = {
  rev: 0,
  assessment: [],
  modules: [
    {
      id: 'teilzeit-m-1',
      title: 'Führen in Teilzeit: Modelle',
      lessons: [
        {
          id: 'teilzeit-l-1',
          type: 'text',
          title: 'Topsharing und Teilzeitführung (Entwurf)',
          html: '<p>Entwurf: Modelle der geteilten Führung in der Stadtverwaltung, Erfahrungen aus dem Haupt- und Personalamt.</p>',
        },
      ],
    },
  ],
};
