import i18n, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import preload from './i18n-namespaces.json';

/**
 * Every `shared/i18n/locales/<lang>/<namespace>.json` is its own lazy chunk: adding a language or a
 * feature's namespace is adding files, nothing else. Only the current language is fetched, and
 * only the namespaces the first screen needs before it renders (`i18n-namespaces.json`: the
 * shell's plus the landing route's); the rest follow when the browser is idle, and any route
 * waits for them before it renders (`loadAllNamespaces`).
 */
type Catalogue = Record<string, unknown>;
const files = import.meta.glob<Catalogue>('../../shared/i18n/locales/*/*.json', {
  import: 'default',
});

const loaders: Record<string, Record<string, () => Promise<Catalogue>>> = {};
for (const [file, load] of Object.entries(files)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  (loaders[lang] ??= {})[ns] = load;
}

export const supportedLanguages = Object.keys(loaders).sort();
export const namespaces = Object.keys(loaders.de ?? {}).sort();

const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(lng: string, ns: string, callback: ReadCallback) {
    const load = loaders[lng]?.[ns];
    if (!load) return callback(null, {});
    load().then(
      (data) => callback(null, data),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  },
};

/** Namespaces the first screen of `pathname` needs; unknown paths get all of them. */
export function namespacesFor(pathname: string): string[] {
  const own = (preload.byPath as Record<string, string[] | undefined>)[pathname];
  return own ? [...new Set([...preload.shell, ...own])] : namespaces;
}

const storageKey = 'portal.lang';

/** Stored choice, else the browser's preferred supported language, else German. */
function detectLanguage(): string {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && supportedLanguages.includes(stored)) return stored;
  } catch {
    // Storage can be blocked (privacy settings); the browser's languages still work.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (supportedLanguages.includes(base)) return base;
  }
  return 'de';
}

/** Resolves when the first screen's namespaces of the current language are loaded. */
export const i18nReady = i18n
  .use(backend)
  .use(initReactI18next)
  .init({
    lng: detectLanguage(),
    // English is complete (locales.test.ts), so English readers never download German.
    fallbackLng: { en: [], default: ['de'] },
    supportedLngs: supportedLanguages,
    // Unit tests render any feature at once: they get everything up front.
    ns: import.meta.env.MODE === 'test' ? namespaces : namespacesFor(window.location.pathname),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/** Every namespace of the current language (route lazies wait for it; also run when idle). */
export function loadAllNamespaces(): Promise<void> {
  return i18n.loadNamespaces(namespaces);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // Not stored: the next visit detects the language again.
  }
});

export default i18n;
