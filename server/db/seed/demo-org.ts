/**
 * The demo organisation of the city of Stuttgart: offices ("Ämter") with their numbers,
 * departments, buildings and people. Names of people are invented; office 29's name and the
 * departments are plausible, not official.
 */

export type Gender = 'f' | 'm';
/** [given name, family name, gender] */
export type Name = readonly [string, string, Gender];

export interface StaffSeed {
  name: Name;
  position: string;
  responsibilities?: string[];
  languages?: string[];
  /** Demo account user name (password demo1234) and extra roles. */
  account?: string;
  roles?: ('editor' | 'mover' | 'hr' | 'admin')[];
}

export interface DepartmentSeed {
  number: string;
  name: string;
  leader: Name;
  /** Demo account of the leader (e.g. `manager`). */
  leaderAccount?: string;
  staff?: StaffSeed[];
}

export interface OfficeSeed {
  number: string;
  name: string;
  location: string;
  leader: Name;
  departments: DepartmentSeed[];
}

export interface LocationSeed {
  key: string;
  name: string;
  street: string;
  postalCode: string;
}

export const demoLocations: LocationSeed[] = [
  { key: 'rathaus', name: 'Rathaus', street: 'Marktplatz 1', postalCode: '70173' },
  {
    key: 'techRathaus',
    name: 'Technisches Rathaus',
    street: 'Eberhardstraße 33',
    postalCode: '70173',
  },
  {
    key: 'eberhard39',
    name: 'Dienstgebäude Eberhardstraße 39',
    street: 'Eberhardstraße 39',
    postalCode: '70173',
  },
  {
    key: 'wilhelm3',
    name: 'Dienstgebäude Wilhelmstraße 3',
    street: 'Wilhelmstraße 3',
    postalCode: '70182',
  },
  {
    key: 'kiene18',
    name: 'Verwaltungsgebäude Kienestraße 18',
    street: 'Kienestraße 18',
    postalCode: '70174',
  },
  {
    key: 'hauptstaetter66',
    name: 'Dienstgebäude Hauptstätter Straße 66',
    street: 'Hauptstätter Straße 66',
    postalCode: '70178',
  },
  {
    key: 'schmale',
    name: 'Dienstgebäude Schmale Straße 11',
    street: 'Schmale Straße 11',
    postalCode: '70173',
  },
];

export const demoOffices: OfficeSeed[] = [
  {
    number: '10',
    name: 'Haupt- und Personalamt',
    location: 'rathaus',
    leader: ['Christine', 'Hofmann', 'f'],
    departments: [
      {
        number: '10-1',
        name: 'Personalservice',
        leader: ['Thomas', 'Weber', 'm'],
        staff: [
          {
            name: ['Heike', 'Braun', 'f'],
            position: 'Personalreferentin',
            account: 'hr',
            roles: ['hr'],
            responsibilities: [
              'zuständig für Urlaub und Arbeitszeit',
              'zuständig für Fortbildungsanträge',
            ],
            languages: ['Englisch'],
          },
          {
            name: ['Dennis', 'Vogel', 'm'],
            position: 'Sachbearbeiter Personalgewinnung',
            responsibilities: ['zuständig für Stellenausschreibungen'],
          },
        ],
      },
      {
        number: '10-2',
        name: 'Aus- und Fortbildung',
        leader: ['Sabine', 'Krause', 'f'],
        staff: [
          {
            name: ['Lea', 'Hartmann', 'f'],
            position: 'Koordinatorin Lernmanagementsystem',
            roles: ['hr'],
            responsibilities: ['zuständig für E-Learning und Pflichtschulungen'],
          },
        ],
      },
      {
        number: '10-3',
        name: 'Interne Kommunikation',
        leader: ['Katrin', 'Lorenz', 'f'],
        staff: [
          {
            name: ['Elena', 'Fischer', 'f'],
            position: 'Redakteurin Mitarbeiterportal',
            account: 'editor',
            roles: ['editor'],
            responsibilities: [
              'zuständig für Intranet-Nachrichten',
              'zuständig für den Newsletter',
            ],
            languages: ['Englisch', 'Italienisch'],
          },
        ],
      },
      {
        number: '10-4',
        name: 'Organisation und Digitalisierung',
        leader: ['Frank', 'Zimmermann', 'm'],
        staff: [
          {
            name: ['Stefan', 'Adler', 'm'],
            position: 'Administrator Mitarbeiterportal',
            account: 'admin',
            roles: ['admin'],
            responsibilities: ['zuständig für Benutzerverwaltung und Rollen'],
            languages: ['Englisch'],
          },
          {
            name: ['Nina', 'Schuster', 'f'],
            position: 'Programmkoordinatorin Digital MoveS',
            roles: ['mover', 'editor'],
            responsibilities: ['zuständig für das Netzwerk Digital Mover'],
          },
        ],
      },
    ],
  },
  {
    number: '12',
    name: 'Statistisches Amt',
    location: 'schmale',
    leader: ['Ulrich', 'Bauer', 'm'],
    departments: [
      {
        number: '12-1',
        name: 'Bevölkerung und Wahlen',
        leader: ['Monika', 'Ziegler', 'f'],
        staff: [
          {
            name: ['Tobias', 'Frank', 'm'],
            position: 'Sachbearbeiter Wahlen',
            responsibilities: ['zuständig für Wahlhelferinnen und Wahlhelfer'],
          },
        ],
      },
      {
        number: '12-2',
        name: 'Stadtforschung und Informationssysteme',
        leader: ['Daniel', 'Roth', 'm'],
      },
    ],
  },
  {
    number: '20',
    name: 'Stadtkämmerei',
    location: 'kiene18',
    leader: ['Petra', 'Schneider', 'f'],
    departments: [
      {
        number: '20-1',
        name: 'Finanzverwaltung und Controlling',
        leader: ['Klaus', 'Schäfer', 'm'],
      },
      {
        number: '20-2',
        name: 'Haushalt und Finanzplanung',
        leader: ['Markus', 'Wagner', 'm'],
        leaderAccount: 'manager',
        staff: [
          {
            name: ['Laura', 'Schmid', 'f'],
            position: 'Sachbearbeiterin Haushaltsplanung',
            account: 'employee',
            responsibilities: [
              'zuständig für den Doppelhaushalt',
              'zuständig für Mittelanmeldungen',
            ],
            languages: ['Englisch', 'Französisch'],
          },
          {
            name: ['Ayşe', 'Demir', 'f'],
            position: 'Sachbearbeiterin Finanzplanung',
            responsibilities: ['zuständig für Investitionsplanung'],
            languages: ['Türkisch', 'Englisch'],
          },
        ],
      },
      {
        number: '20-3',
        name: 'Stadtkasse',
        leader: ['Jürgen', 'Müller', 'm'],
        staff: [
          {
            name: ['Sandra', 'Koch', 'f'],
            position: 'Kassiererin',
            responsibilities: ['zuständig für Zahlungsverkehr'],
          },
        ],
      },
    ],
  },
  {
    number: '23',
    name: 'Liegenschaftsamt',
    location: 'kiene18',
    leader: ['Bernd', 'Richter', 'm'],
    departments: [
      {
        number: '23-1',
        name: 'Grundstücksverkehr',
        leader: ['Andrea', 'Wolf', 'f'],
        staff: [
          {
            name: ['Michael', 'Neumann', 'm'],
            position: 'Sachbearbeiter Grundstücksankauf',
            responsibilities: ['zuständig für Vorkaufsrechte'],
          },
        ],
      },
      {
        number: '23-2',
        name: 'Wohnungswesen',
        leader: ['Gabriele', 'Schwarz', 'f'],
        staff: [
          {
            name: ['Dimitrios', 'Papadopoulos', 'm'],
            position: 'Sachbearbeiter Wohnungsvermittlung',
            responsibilities: ['zuständig für Sozialwohnungen'],
            languages: ['Griechisch'],
          },
        ],
      },
    ],
  },
  {
    number: '29',
    name: 'Steueramt',
    location: 'kiene18',
    leader: ['Martina', 'Klein', 'f'],
    departments: [
      { number: '29-1', name: 'Grundsteuer', leader: ['Peter', 'Wolff', 'm'] },
      {
        number: '29-2',
        name: 'Gewerbesteuer',
        leader: ['Claudia', 'Maier', 'f'],
        staff: [
          {
            name: ['Felix', 'Huber', 'm'],
            position: 'Sachbearbeiter Gewerbesteuer',
            responsibilities: ['zuständig für Vorauszahlungen'],
          },
        ],
      },
    ],
  },
  {
    number: '30',
    name: 'Rechtsamt',
    location: 'rathaus',
    leader: ['Wolfgang', 'Schulz', 'm'],
    departments: [
      { number: '30-1', name: 'Allgemeines Recht und Verträge', leader: ['Susanne', 'Haas', 'f'] },
      { number: '30-2', name: 'Prozessführung', leader: ['Matthias', 'Lang', 'm'] },
    ],
  },
  {
    number: '32',
    name: 'Amt für öffentliche Ordnung',
    location: 'eberhard39',
    leader: ['Ralf', 'Günther', 'm'],
    departments: [
      {
        number: '32-1',
        name: 'Bürgerbüros',
        leader: ['Birgit', 'Walter', 'f'],
        staff: [
          {
            name: ['Fatma', 'Yıldız', 'f'],
            position: 'Sachbearbeiterin Bürgerbüro',
            responsibilities: ['zuständig für Personalausweise und Reisepässe'],
            languages: ['Türkisch'],
          },
        ],
      },
      {
        number: '32-2',
        name: 'Ausländerbehörde',
        leader: ['Oliver', 'Kaiser', 'm'],
        staff: [
          {
            name: ['Ivana', 'Petrović', 'f'],
            position: 'Sachbearbeiterin Aufenthaltsrecht',
            responsibilities: ['zuständig für Aufenthaltstitel'],
            languages: ['Kroatisch', 'Englisch'],
          },
        ],
      },
      { number: '32-3', name: 'Straßenverkehr', leader: ['Jens', 'Peters', 'm'] },
    ],
  },
  {
    number: '50',
    name: 'Sozialamt',
    location: 'eberhard39',
    leader: ['Ursula', 'König', 'f'],
    departments: [
      {
        number: '50-1',
        name: 'Existenzsicherung',
        leader: ['Stefanie', 'Lehmann', 'f'],
        staff: [
          {
            name: ['Jan', 'Schröder', 'm'],
            position: 'Sachbearbeiter Wohngeld',
            responsibilities: ['zuständig für Wohngeld'],
          },
          {
            name: ['Olga', 'Iwanowa', 'f'],
            position: 'Sachbearbeiterin Grundsicherung',
            responsibilities: ['zuständig für Grundsicherung im Alter'],
            languages: ['Russisch'],
          },
        ],
      },
      { number: '50-2', name: 'Hilfen für ältere Menschen', leader: ['Helmut', 'Fuchs', 'm'] },
    ],
  },
  {
    number: '51',
    name: 'Jugendamt',
    location: 'wilhelm3',
    leader: ['Karin', 'Meyer', 'f'],
    departments: [
      {
        number: '51-1',
        name: 'Kindertagesbetreuung',
        leader: ['Anja', 'Berger', 'f'],
        staff: [
          {
            name: ['Marco', 'Rossi', 'm'],
            position: 'Sachbearbeiter Kita-Platzvergabe',
            responsibilities: ['zuständig für Elterngeld'],
            languages: ['Italienisch'],
          },
        ],
      },
      {
        number: '51-2',
        name: 'Beratungszentren',
        leader: ['Ralf', 'Hahn', 'm'],
        staff: [
          {
            name: ['Jonas', 'Becker', 'm'],
            position: 'Sozialarbeiter',
            account: 'employee2',
            responsibilities: ['zuständig für Familienberatung'],
            languages: ['Englisch', 'Spanisch'],
          },
        ],
      },
    ],
  },
  {
    number: '62',
    name: 'Stadtmessungsamt',
    location: 'techRathaus',
    leader: ['Georg', 'Schmitt', 'm'],
    departments: [
      {
        number: '62-1',
        name: 'Geoinformation und Stadtkarten',
        leader: ['Julia', 'Werner', 'f'],
        staff: [
          {
            name: ['Lukas', 'Möller', 'm'],
            position: 'Geoinformatiker',
            responsibilities: ['zuständig für das Stadtmessungsportal'],
          },
        ],
      },
      { number: '62-2', name: 'Vermessung', leader: ['Dieter', 'Schulte', 'm'] },
    ],
  },
  {
    number: '63',
    name: 'Baurechtsamt',
    location: 'techRathaus',
    leader: ['Barbara', 'Jung', 'f'],
    departments: [
      {
        number: '63-1',
        name: 'Bauanträge',
        leader: ['Martin', 'Friedrich', 'm'],
        staff: [
          {
            name: ['Mehmet', 'Yılmaz', 'm'],
            position: 'Sachbearbeiter Bauanträge, Digital Mover',
            account: 'mover',
            roles: ['mover'],
            responsibilities: [
              'zuständig für Bauanträge Stuttgart-Mitte',
              'zuständig für das Projekt E-Akte',
            ],
            languages: ['Türkisch', 'Englisch'],
          },
          {
            name: ['Sophie', 'Keller', 'f'],
            position: 'Sachbearbeiterin Bauanträge',
            responsibilities: ['zuständig für Bauanträge Stuttgart-Ost'],
          },
        ],
      },
      { number: '63-2', name: 'Bauaufsicht', leader: ['Andreas', 'Scholz', 'm'] },
    ],
  },
  {
    number: '66',
    name: 'Tiefbauamt',
    location: 'hauptstaetter66',
    leader: ['Rainer', 'Vogt', 'm'],
    departments: [
      {
        number: '66-1',
        name: 'Straßenbau',
        leader: ['Tanja', 'Brandt', 'f'],
        staff: [
          {
            name: ['Kevin', 'Schubert', 'm'],
            position: 'Bauingenieur',
            responsibilities: ['zuständig für Baustellenkoordination'],
          },
        ],
      },
      { number: '66-2', name: 'Brücken und Tunnel', leader: ['Heinz', 'Lindner', 'm'] },
    ],
  },
];
