import type { JSONContent } from '@tiptap/core';
import {
  b,
  callout,
  code,
  codeBlock,
  doc,
  h,
  i,
  link,
  ol,
  p,
  quote,
  table,
  ul,
} from './wiki-content';

/**
 * The demo wiki's pages (German, invented but plausible). `ids` maps each page key to its UUID
 * so pages can link to each other (backlinks) before any of them exists.
 */
export type SpaceKey = 'stadt' | 'hauptamt' | 'digital';

export interface DemoPage {
  key: string;
  space: SpaceKey;
  parent: string | null;
  title: string;
  /** Demo user name (or `office10`: the office's head) owning the page; also its creator. */
  owner: string;
  isTemplate?: boolean;
  /** Review date this many days from today (negative: overdue, listed as stale). */
  reviewInDays?: number;
  /** Readable only for these people (user names; `office10` = the office's head). */
  restrictedTo?: string[];
  content: (ids: Record<string, string>) => JSONContent;
}

export const demoWikiPages: DemoPage[] = [
  {
    key: 'welcome',
    space: 'stadt',
    parent: null,
    title: 'Willkommen im Wiki der Stadtverwaltung',
    owner: 'editor',
    reviewInDays: 180,
    content: (ids) =>
      doc(
        p(
          'Hier sammeln die Ämter der Landeshauptstadt Stuttgart ihr Wissen: ',
          b('Abläufe, Anleitungen, Ansprechpersonen'),
          ' und Protokolle – an einer Stelle, aktuell und durchsuchbar.',
        ),
        callout(
          'info',
          p(
            'Jede Seite hat eine verantwortliche Person und ein Prüfdatum. Ist eine Seite veraltet, erscheint sie in der Liste „Veraltet“ ihres Bereichs.',
          ),
        ),
        h(2, 'Wo finde ich was?'),
        ul(
          [link('Neu bei der Stadt', ids.newcomers!), ': Checkliste für die ersten Tage'],
          [link('Arbeitszeit und Urlaub', ids.worktime!), ': Gleitzeit, Kernzeit, Urlaubsantrag'],
          [link('Dienstreisen beantragen', ids.travel!), ': Antrag, Kostensätze, Abrechnung'],
          [
            link('Datenschutz im Büroalltag', ids.privacy!),
            ': was beim Umgang mit Bürgerdaten gilt',
          ],
        ),
        h(2, 'Mitschreiben'),
        p(
          'Redakteurinnen und Redakteure des Portals bearbeiten diesen Bereich. Alle anderen können lesen; Anmerkungen bitte an die verantwortliche Person der Seite. Für neue Seiten gibt es Vorlagen, etwa die ',
          link('Anleitung', ids.tplGuide!),
          '.',
        ),
      ),
  },
  {
    key: 'newcomers',
    space: 'stadt',
    parent: null,
    title: 'Neu bei der Stadt',
    owner: 'editor',
    content: (ids) =>
      doc(
        p('Willkommen bei der Stadt Stuttgart! Diese Seiten helfen in den ersten Wochen.'),
        ul(
          link('Erste Woche: Checkliste', ids.firstWeek!),
          link('IT-Zugang und Passwörter', ids.itAccess!),
        ),
        quote(
          p(
            i(
              '„Fragen kostet nichts – die Kolleginnen und Kollegen im Personalservice helfen gern.“',
            ),
          ),
        ),
      ),
  },
  {
    key: 'firstWeek',
    space: 'stadt',
    parent: 'newcomers',
    title: 'Erste Woche: Checkliste',
    owner: 'editor',
    content: (ids) =>
      doc(
        h(2, 'Am ersten Tag'),
        ol(
          'Dienstausweis an der Pforte des Rathauses abholen (Marktplatz 1)',
          [
            'Zugangsdaten abholen und Passwort ändern – siehe ',
            link('IT-Zugang und Passwörter', ids.itAccess!),
          ],
          'Arbeitsplatz, Telefon und Postfach mit der Führungskraft durchgehen',
        ),
        h(2, 'In der ersten Woche'),
        ol(
          'Pflichtschulungen Datenschutz und Informationssicherheit im Lernportal belegen',
          ['Arbeitszeitmodell vereinbaren (', link('Arbeitszeit und Urlaub', ids.worktime!), ')'],
          'Eigenes Profil im Mitarbeiterportal ergänzen: Zuständigkeiten, Sprachen, Foto',
        ),
        callout(
          'success',
          p(
            'Geschafft? Dann trag dich für die nächste Einführungsveranstaltung für neue Beschäftigte ein.',
          ),
        ),
      ),
  },
  {
    key: 'itAccess',
    space: 'stadt',
    parent: 'newcomers',
    title: 'IT-Zugang und Passwörter',
    owner: 'admin',
    content: () =>
      doc(
        p('Die Zugangsdaten für den Arbeitsplatz gibt es am ersten Tag beim IT-Service des Amts.'),
        callout(
          'warning',
          p(
            b('Niemals'),
            ' Passwörter per E-Mail oder Telefon weitergeben. Der IT-Service fragt nie nach Ihrem Passwort.',
          ),
        ),
        h(2, 'Passwortregeln'),
        ul(
          'mindestens 12 Zeichen',
          'Groß- und Kleinbuchstaben, Ziffern und Sonderzeichen',
          'Wechsel spätestens nach 180 Tagen',
        ),
        h(2, 'VPN für mobiles Arbeiten'),
        p(
          'Den VPN-Client startet man über das Startmenü; bei Problemen hilft dieser Befehl in der Eingabeaufforderung:',
        ),
        codeBlock('ipconfig /flushdns\nnslookup portal.stuttgart.de'),
        p('Störungen bitte unter der Durchwahl ', code('216-99999'), ' melden.'),
      ),
  },
  {
    key: 'worktime',
    space: 'stadt',
    parent: null,
    title: 'Arbeitszeit und Urlaub',
    owner: 'hr',
    reviewInDays: 90,
    content: (ids) =>
      doc(
        p(
          'Für Beschäftigte der Stadtverwaltung gilt die Dienstvereinbarung zur flexiblen Arbeitszeit.',
        ),
        h(2, 'Gleitzeit'),
        table(
          ['Regel', 'Zeitraum', 'Hinweis'],
          ['Rahmenarbeitszeit', 'Mo–Fr 6:00–20:00 Uhr', 'außerhalb nur mit Anordnung'],
          ['Kernzeit', 'Mo–Do 9:00–15:00, Fr 9:00–12:00 Uhr', 'Abweichung mit Führungskraft'],
          ['Gleitzeitsaldo', '+40 / −20 Stunden', 'Kappung am Monatsende'],
        ),
        h(2, 'Urlaub beantragen'),
        p(
          'Urlaub wird über die ',
          link('Urlaubskarte im Portal', '/leave'),
          ' beantragt; die Führungskraft oder ihre Vertretung entscheidet. Resturlaub verfällt am 31. März des Folgejahres.',
        ),
        h(2, 'Überstunden'),
        p(
          'Angeordnete Überstunden werden vorrangig durch Freizeit ausgeglichen. Bei Dienstreisen gilt zusätzlich ',
          link('Dienstreisen beantragen', ids.travel!),
          '.',
        ),
      ),
  },
  {
    key: 'travel',
    space: 'stadt',
    parent: null,
    title: 'Dienstreisen beantragen',
    owner: 'hr',
    content: (ids) =>
      doc(
        h(2, 'Ablauf'),
        ol(
          'Dienstreiseantrag mindestens zwei Wochen vorher stellen',
          'Genehmigung durch die Führungskraft abwarten',
          'Bahn 2. Klasse über das Reisebüro buchen; Dienstwagen nur bei Bedarf',
          'Reisekostenabrechnung innerhalb von sechs Monaten einreichen',
        ),
        h(2, 'Kostensätze (LRKG Baden-Württemberg)'),
        table(
          ['Posten', 'Satz'],
          ['Tagegeld, mehr als 8 Stunden', '14 €'],
          ['Tagegeld, volle 24 Stunden', '28 €'],
          ['Wegstreckenentschädigung Privat-Pkw', '0,35 € je km'],
        ),
        p(
          'Fortbildungsreisen beantragen Beschäftigte des Haupt- und Personalamts über ',
          link('Fortbildungen beantragen', ids.training!),
          '.',
        ),
      ),
  },
  {
    key: 'phones',
    space: 'stadt',
    parent: null,
    title: 'Telefonliste Rathaus (Zentrale)',
    owner: 'editor',
    reviewInDays: -45,
    content: () =>
      doc(
        callout(
          'warning',
          p(
            'Diese Liste ist nicht mehr aktuell gepflegt – im Zweifel das Personenverzeichnis des Portals nutzen.',
          ),
        ),
        table(
          ['Stelle', 'Durchwahl', 'Raum'],
          ['Zentrale / Pforte', '216-0', 'EG 001'],
          ['Bürgermeisteramt Sekretariat', '216-60001', '1. OG 103'],
          ['IT-Service', '216-99999', 'UG 012'],
          ['Hausmeisterei', '216-60550', 'EG 017'],
        ),
      ),
  },
  {
    key: 'privacy',
    space: 'stadt',
    parent: null,
    title: 'Datenschutz im Büroalltag',
    owner: 'admin',
    reviewInDays: 60,
    content: () =>
      doc(
        callout(
          'danger',
          p(
            'Personenbezogene Daten von Bürgerinnen und Bürgern gehören nie in private E-Mail-Postfächer, Messenger oder Cloud-Dienste.',
          ),
        ),
        h(2, 'Clean Desk'),
        ul(
          'Bildschirm sperren beim Verlassen des Platzes (Windows + L)',
          'Akten mit Personendaten abends einschließen',
          'Ausdrucke sofort vom Drucker holen',
        ),
        h(2, 'Datenpanne – was tun?'),
        ol(
          'Führungskraft informieren',
          'Datenschutzbeauftragte innerhalb von 24 Stunden melden',
          'Nichts löschen – Sachverhalt dokumentieren',
        ),
      ),
  },
  {
    key: 'tplMinutes',
    space: 'stadt',
    parent: null,
    title: 'Besprechungsprotokoll',
    owner: 'editor',
    isTemplate: true,
    content: () =>
      doc(
        table(['Angaben', ''], ['Datum', 'TT.MM.JJJJ'], ['Teilnehmende', ''], ['Protokoll', '']),
        h(2, 'Tagesordnung'),
        ol('Begrüßung', 'Berichte', 'Verschiedenes'),
        h(2, 'Beschlüsse'),
        ul('…'),
        h(2, 'Aufgaben'),
        table(['Aufgabe', 'Wer', 'Bis wann'], ['', '', '']),
      ),
  },
  {
    key: 'tplGuide',
    space: 'stadt',
    parent: null,
    title: 'Anleitung',
    owner: 'editor',
    isTemplate: true,
    content: () =>
      doc(
        callout('info', p('Worum geht es, und für wen ist diese Anleitung?')),
        h(2, 'Voraussetzungen'),
        ul('…'),
        h(2, 'Schritt für Schritt'),
        ol('…', '…'),
        h(2, 'Häufige Probleme'),
        p('…'),
        h(2, 'Ansprechpersonen'),
        p('…'),
      ),
  },
  {
    key: 'hrProcesses',
    space: 'hauptamt',
    parent: null,
    title: 'Abläufe im Personalservice',
    owner: 'hr',
    content: (ids) =>
      doc(
        p(
          'Die Abteilung Personalservice (10-1) betreut Einstellung, Arbeitszeit, Urlaub und Fortbildung der Beschäftigten.',
        ),
        ul(
          link('Stellenausschreibung: Ablauf', ids.jobAd!),
          link('Fortbildungen beantragen', ids.training!),
          ['Stadtweit gültig: ', link('Arbeitszeit und Urlaub', ids.worktime!)],
        ),
      ),
  },
  {
    key: 'jobAd',
    space: 'hauptamt',
    parent: 'hrProcesses',
    title: 'Stellenausschreibung: Ablauf',
    owner: 'hr',
    content: () =>
      doc(
        ol(
          'Bedarfsmeldung des Amts mit Stellenbeschreibung',
          'Bewertung durch die Stellenbewirtschaftung',
          'Beteiligung von Personalrat und Gleichstellungsbeauftragter',
          'Veröffentlichung im Karriereportal',
          'Auswahlgespräche und Entscheidung',
        ),
        h(2, 'Fristen'),
        table(
          ['Schritt', 'Dauer'],
          ['Bewertung', 'ca. 2 Wochen'],
          ['Beteiligung Personalrat', '2 Wochen'],
          ['Ausschreibung', 'mindestens 3 Wochen'],
        ),
        callout(
          'info',
          p(
            'Schwerbehinderte Bewerberinnen und Bewerber werden bei gleicher Eignung bevorzugt und zum Gespräch eingeladen.',
          ),
        ),
      ),
  },
  {
    key: 'training',
    space: 'hauptamt',
    parent: null,
    title: 'Fortbildungen beantragen',
    owner: 'hr',
    content: (ids) =>
      doc(
        p(
          'Fortbildungen aus dem Jahresprogramm der Abteilung Aus- und Fortbildung werden im Lernportal gebucht. Externe Angebote brauchen einen Antrag.',
        ),
        ol(
          'Antrag mit Begründung an die Führungskraft',
          'Kostenübernahme durch das Fortbildungsbudget des Amts',
          ['Reisekosten nach ', link('Dienstreisen beantragen', ids.travel!)],
        ),
      ),
  },
  {
    key: 'staffPlan',
    space: 'hauptamt',
    parent: null,
    title: 'Personalplanung 2026 (vertraulich)',
    owner: 'hr',
    restrictedTo: ['hr', 'office10'],
    content: () =>
      doc(
        callout('danger', p('Vertraulich: nur Amtsleitung und Personalservice.')),
        table(
          ['Abteilung', 'Stellen', 'Nachbesetzungen'],
          ['10-1 Personalservice', '14,5', '2'],
          ['10-2 Aus- und Fortbildung', '9', '1'],
          ['10-4 Organisation und Digitalisierung', '11', '3'],
        ),
      ),
  },
  {
    key: 'movers',
    space: 'digital',
    parent: null,
    title: 'Digital MoveS: das Netzwerk',
    owner: 'mover',
    content: (ids) =>
      doc(
        p(
          'Digital Mover sind Beschäftigte, die in ihrem Amt bei digitalen Werkzeugen helfen – neben ihrer eigentlichen Aufgabe.',
        ),
        h(2, 'Aufgaben'),
        ul(
          'Kolleginnen und Kollegen bei Fragen zu Teamräumen, Wiki und Videokonferenzen unterstützen',
          'neue Werkzeuge im Amt vorstellen',
          'Rückmeldungen an das Programmteam geben',
        ),
        h(2, 'Mehr dazu'),
        ul(
          link('E-Akte: Einführung', ids.eFile!),
          link('Videokonferenzen mit Webex', ids.video!),
          link('Besprechung Digital MoveS', ids.moversMeeting!),
        ),
      ),
  },
  {
    key: 'eFile',
    space: 'digital',
    parent: null,
    title: 'E-Akte: Einführung',
    owner: 'mover',
    content: (ids) =>
      doc(
        p(
          'Bis Ende 2027 führen alle Ämter die elektronische Akte ein. Papierakten werden danach nur noch in Ausnahmen angelegt.',
        ),
        table(
          ['Phase', 'Ämter', 'Zeitraum'],
          ['Pilot', 'Haupt- und Personalamt, Stadtkämmerei', '2025'],
          ['Welle 1', 'Ämter 12–32', '2026'],
          ['Welle 2', 'alle übrigen Ämter', '2027'],
        ),
        callout(
          'info',
          p('Antworten auf häufige Fragen: ', link('E-Akte: häufige Fragen', ids.eFileFaq!), '.'),
        ),
      ),
  },
  {
    key: 'eFileFaq',
    space: 'digital',
    parent: 'eFile',
    title: 'E-Akte: häufige Fragen',
    owner: 'mover',
    reviewInDays: 30,
    content: () =>
      doc(
        h(3, 'Muss ich alte Papierakten scannen?'),
        p('Nein. Nur laufende Vorgänge werden übernommen; abgeschlossene Akten bleiben im Archiv.'),
        h(3, 'Wer hilft bei Problemen?'),
        p('Zuerst die Digital Mover des Amts, dann der IT-Service.'),
      ),
  },
  {
    key: 'video',
    space: 'digital',
    parent: null,
    title: 'Videokonferenzen mit Webex',
    owner: 'employee',
    content: () =>
      doc(
        callout(
          'info',
          p('Eine Anleitung für Besprechungen mit Teilnehmenden außerhalb der Stadtverwaltung.'),
        ),
        h(2, 'Schritt für Schritt'),
        ol(
          'Termin im Kalender anlegen und „Webex-Besprechung“ wählen',
          'Einladung an die Teilnehmenden senden',
          'Zehn Minuten vorher Ton und Kamera testen',
        ),
        h(2, 'Häufige Probleme'),
        p('Kein Ton? Im Menü ', b('Audio'), ' das Headset als Lautsprecher und Mikrofon wählen.'),
      ),
  },
  {
    key: 'moversMeeting',
    space: 'digital',
    parent: 'movers',
    title: 'Besprechung Digital MoveS',
    owner: 'mover',
    content: (ids) =>
      doc(
        table(
          ['Angaben', ''],
          ['Datum', 'Dienstag, 12. Mai'],
          ['Teilnehmende', 'Digital Mover aus 9 Ämtern'],
          ['Protokoll', 'Mehmet Yılmaz'],
        ),
        h(2, 'Beschlüsse'),
        ul(
          ['Die ', link('Webex-Anleitung', ids.video!), ' wird ins Englische übersetzt'],
          'Nächstes Treffen im Technischen Rathaus',
        ),
        h(2, 'Aufgaben'),
        table(['Aufgabe', 'Wer', 'Bis wann'], ['FAQ E-Akte ergänzen', 'Nina Schuster', 'Ende Mai']),
      ),
  },
];
