import type { Types } from 'mongoose';
import type { UnitKind } from '@shared/org/schemas';
import { bumpPeopleVersion } from '../../modules/people/directory-version';
import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';
import { LocationModel } from '../../modules/org/location.model';
import { hashPassword } from '../../modules/auth/password';
import { DEMO_PASSWORD, insertDemo } from './demo';
import { asciiName, personRow, unitRow, type PersonRow, type UnitRow } from './build';

/** Offices beyond the demo's, with plausible Stuttgart names (numbers partly invented). */
const moreOffices: [string, string, UnitKind][] = [
  ['13', 'Stabsstelle Bürgerbeteiligung', 'office'],
  ['14', 'Rechnungsprüfungsamt', 'office'],
  ['15', 'Amt für Digitalisierung, Organisation und IT', 'office'],
  ['16', 'Stabsstelle Klimaschutz', 'office'],
  ['19', 'Abteilung für Chancengleichheit', 'office'],
  ['22', 'Beteiligungsverwaltung', 'office'],
  ['24', 'Zentrale Vergabestelle', 'office'],
  ['31', 'Bürgerservice Bezirksämter', 'office'],
  ['34', 'Standesamt', 'office'],
  ['36', 'Amt für Umweltschutz', 'office'],
  ['37', 'Branddirektion', 'office'],
  ['40', 'Schulverwaltungsamt', 'office'],
  ['41', 'Kulturamt', 'office'],
  ['42', 'Stadtbibliothek', 'office'],
  ['44', 'Stadtarchiv', 'office'],
  ['45', 'Stuttgarter Musikschule', 'office'],
  ['52', 'Amt für Sport und Bewegung', 'office'],
  ['53', 'Gesundheitsamt', 'office'],
  ['54', 'Abteilung Integrationspolitik', 'office'],
  ['56', 'Leben & Wohnen', 'enterprise'],
  ['60', 'Baureferat', 'office'],
  ['61', 'Amt für Stadtplanung und Wohnen', 'office'],
  ['65', 'Hochbauamt', 'office'],
  ['67', 'Garten-, Friedhofs- und Forstamt', 'office'],
  ['68', 'Amt für Stadterneuerung und Bodenordnung', 'office'],
  ['70', 'Abfallwirtschaft Stuttgart', 'enterprise'],
  ['71', 'Stadtentwässerung Stuttgart', 'enterprise'],
  ['72', 'Bäderbetriebe Stuttgart', 'enterprise'],
  ['80', 'Amt für Wirtschaftsförderung', 'office'],
  ['81', 'Marktamt', 'office'],
  ['82', 'Tourismus und Stadtmarketing', 'office'],
  ['83', 'Eigenbetrieb Kindertageseinrichtungen', 'enterprise'],
  ['84', 'Krankenhausverwaltung', 'enterprise'],
  ['85', 'Veranstaltungsbetrieb', 'enterprise'],
  ['86', 'Stadtteilbibliotheken', 'office'],
  ['87', 'Fuhrpark und Werkstätten', 'enterprise'],
  ['88', 'Gebäudemanagement', 'office'],
];
const departments = [
  'Zentrale Dienste',
  'Recht und Verwaltung',
  'Planung und Steuerung',
  'Bürgerservice',
  'Controlling und Finanzen',
  'Projekte und Digitalisierung',
  'Technik und Betrieb',
  'Beratung und Förderung',
];
const given =
  'Anna Ben Carla David Emma Finn Greta Hannes Ida Jonas Klara Leon Mia Noah Paula Quirin Rosa Samuel Tina Uwe Vera Wilhelm Yvonne Zoe Ahmet Elif Luca Giulia Nikola Maja Sven Birgit Dirk Ines Kai Lisa Moritz Nele Ole Petra Ralf Sarah Till Ute Volker Anke Bernd Doris Emil Frieda Gustav Hatice Igor Jana Kerstin Lars Marta'.split(
    ' ',
  );
const family =
  'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Yılmaz Kaya Demir Şahin Rossi Nowak Kowalski Papadopoulos Popović'.split(
    ' ',
  );
const positions = [
  'Sachbearbeiterin',
  'Sachbearbeiter',
  'Verwaltungsfachangestellte',
  'Verwaltungsfachangestellter',
  'Referentin',
  'Referent',
  'Teamassistenz',
  'Ingenieurin',
  'Ingenieur',
  'Fachkraft für Digitalisierung',
];
const topics = [
  'Wohngeld',
  'Elterngeld',
  'Bauanträge',
  'Gewerbeanmeldungen',
  'Vergabeverfahren',
  'Fördermittel',
  'Haushaltsplanung',
  'Friedhofsverwaltung',
  'Baumschutz',
  'Schulanmeldungen',
  'Kita-Gebühren',
  'Parkausweise',
  'Sportstättenvergabe',
  'Veranstaltungsgenehmigungen',
  'Datenschutz',
  'E-Akte',
  'Reisekosten',
  'Fuhrpark',
  'Gebäudeunterhaltung',
  'Lärmschutz',
];
const languages = [
  'Englisch',
  'Französisch',
  'Türkisch',
  'Italienisch',
  'Griechisch',
  'Kroatisch',
  'Russisch',
  'Spanisch',
  'Arabisch',
  'Polnisch',
];

/** Small deterministic PRNG (mulberry32): the same N gives the same city every time. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScaleResult {
  units: number;
  people: number;
  ms: number;
}

/**
 * A city-sized organisation: the demo organisation (its accounts still sign in) plus ~37 more
 * offices with departments and teams (~300 units), filled up to `total` people. Everyone shares
 * the demo password so load tests can sign in as many different users. Needs an empty database.
 */
export async function seedScale(
  total: number,
  log: (msg: string) => void = () => undefined,
  batchSize = 1000,
): Promise<ScaleResult> {
  const started = Date.now();
  const hash = await hashPassword(DEMO_PASSWORD);
  const demoCount = await insertDemo(hash);
  log(`demo organisation: ${demoCount} people`);
  const rand = prng(total);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const locations = await LocationModel.find().select({ _id: 1 }).lean();

  const units: UnitRow[] = [];
  const leafUnits: { unit: UnitRow; office: string }[] = [];
  for (const [number, name, kind] of moreOffices) {
    const loc = (pick(locations)?._id ?? null) as Types.ObjectId | null;
    const office = unitRow(name, number, kind, null, loc);
    units.push(office);
    const deptCount = 4 + Math.floor(rand() * 3);
    for (let d = 1; d <= deptCount; d += 1) {
      const dept = unitRow(
        departments[(d - 1) % departments.length] as string,
        `${number}-${d}`,
        'department',
        office,
        loc,
      );
      units.push(dept);
      leafUnits.push({ unit: dept, office: number });
      if (rand() < 0.5) {
        const team = unitRow(`Team ${d}.1`, `${number}-${d}-1`, 'team', dept, loc);
        units.push(team);
        leafUnits.push({ unit: team, office: number });
      }
    }
  }

  const officeOf = new Map<string, string>();
  for (const u of units) officeOf.set(String(u._id), (u.number ?? '').split('-')[0] ?? '');
  let serial = 0;
  const makePerson = (unit: UnitRow, leader: boolean): PersonRow => {
    serial += 1;
    const g = pick(given);
    const f = pick(family);
    const local = `${asciiName(g)}.${asciiName(f)}.${serial}`;
    const topic = pick(topics);
    return personRow({
      username: local,
      emailLocal: local,
      givenName: g,
      familyName: f,
      position: leader ? `Leitung ${unit.name}` : `${pick(positions)} ${topic}`,
      unitId: unit._id,
      locationId: unit.locationId,
      phone: `+49 711 216-${officeOf.get(String(unit._id)) ?? '00'}${String(serial % 1000).padStart(3, '0')}`,
      roles: [],
      languages: rand() < 0.4 ? ['Deutsch', pick(languages)] : ['Deutsch'],
      responsibilities: [`zuständig für ${topic}`],
      passwordHash: hash,
    });
  };

  let written = 0;
  let batch: PersonRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await PersonModel.insertMany(batch, { lean: true, ordered: false });
    await bumpPeopleVersion();
    written += batch.length;
    batch = [];
    log(`people: ${demoCount + written} / ${total}`);
  };
  // Leaders first (every new unit gets one, linked before the units are written), then staff
  // spread over departments and teams.
  const budget = Math.max(0, total - demoCount);
  const leaders: PersonRow[] = [];
  for (const unit of units) {
    if (leaders.length >= budget) break;
    const leader = makePerson(unit, true);
    unit.leaderId = leader._id;
    leaders.push(leader);
  }
  await UnitModel.insertMany(units, { lean: true });
  log(`units: ${units.length} new`);
  for (const leader of leaders) {
    batch.push(leader);
    if (batch.length >= batchSize) await flush();
  }
  while (written + batch.length < budget && leafUnits.length > 0) {
    batch.push(makePerson(pick(leafUnits).unit, false));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return {
    units: await UnitModel.countDocuments(),
    people: demoCount + written,
    ms: Date.now() - started,
  };
}

/** Removes people, units and locations (for `--reset`). Audit and other collections stay. */
export async function clearOrganisation(): Promise<void> {
  await PersonModel.deleteMany({});
  await UnitModel.deleteMany({});
  await LocationModel.deleteMany({});
}
