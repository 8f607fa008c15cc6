import type { AppInput } from '@shared/apps/schemas';
import { appInputSchema } from '@shared/apps/schemas';
import { AppModel } from './app.model';

const u = (sub: string) => `https://${sub}.stuttgart.example/`;

/** The demo catalogue: links only (the portal never fetches from these hosts). */
export const demoApps: AppInput[] = [
  {
    name: { de: 'E-Mail und Kalender', en: 'E-mail and calendar' },
    description: {
      de: 'Webmail, Termine und Adressbuch',
      en: 'Webmail, appointments and contacts',
    },
    url: u('mail'),
    icon: 'mail',
    audience: {},
    suggested: true,
  },
  {
    name: { de: 'Zeiterfassung', en: 'Time recording' },
    description: {
      de: 'Arbeitszeit buchen, Gleitzeitkonto',
      en: 'Book working time, flexitime account',
    },
    url: u('zeit'),
    icon: 'clock',
    audience: {},
    suggested: true,
  },
  {
    name: { de: 'Telefonbuch', en: 'Phone book' },
    description: { de: 'Das Intranet-Telefonbuch der Stadt', en: 'The city’s intranet phone book' },
    url: u('telefonbuch'),
    icon: 'phone',
    audience: {},
    suggested: false,
  },
  {
    name: { de: 'IT-Servicedesk', en: 'IT service desk' },
    description: { de: 'Störung melden, Hardware bestellen', en: 'Report a fault, order hardware' },
    url: u('servicedesk'),
    icon: 'help',
    audience: {},
    suggested: true,
  },
  {
    name: { de: 'Reisekosten', en: 'Travel expenses' },
    description: {
      de: 'Dienstreisen beantragen und abrechnen',
      en: 'Apply for and claim business trips',
    },
    url: u('reisekosten'),
    icon: 'money',
    audience: {},
    suggested: false,
  },
  {
    name: { de: 'Entgelt-Self-Service', en: 'Payroll self-service' },
    description: {
      de: 'Entgeltnachweise und Steuerbescheinigungen',
      en: 'Payslips and tax statements',
    },
    url: u('entgelt'),
    icon: 'document',
    audience: {},
    suggested: false,
  },
  {
    name: { de: 'Raumbuchung', en: 'Room booking' },
    description: { de: 'Besprechungsräume reservieren', en: 'Reserve meeting rooms' },
    url: u('raeume'),
    icon: 'calendar',
    audience: {},
    suggested: false,
  },
  {
    name: { de: 'E-Akte', en: 'E-files' },
    description: { de: 'Elektronische Akten und Vorgänge', en: 'Electronic files and cases' },
    url: u('eakte'),
    icon: 'folder',
    audience: {},
    suggested: false,
  },
];

/** Seeds the demo catalogue into an empty `apps` collection. */
export async function insertDemoApps(): Promise<number> {
  if (await AppModel.exists({})) return 0;
  await AppModel.insertMany(demoApps.map((a) => appInputSchema.parse(a)));
  return demoApps.length;
}
