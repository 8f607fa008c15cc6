import { describe, it, expect } from 'vitest';

// Every language has the same namespaces and keys as German (the reference).
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const byLang: Record<string, Record<string, unknown>> = {};
for (const [file, content] of Object.entries(files)) {
  const [, lang, ns] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file) as unknown as [
    string,
    string,
    string,
  ];
  (byLang[lang] ??= {})[ns] = content;
}

describe('locales', () => {
  const reference = byLang.de ?? {};
  for (const lang of Object.keys(byLang).filter((l) => l !== 'de')) {
    it(`${lang} has every namespace and key that de has`, () => {
      expect(Object.keys(byLang[lang] ?? {}).sort()).toEqual(Object.keys(reference).sort());
      for (const ns of Object.keys(reference)) {
        expect(keys(byLang[lang]?.[ns]).sort(), `${lang}/${ns}`).toEqual(
          keys(reference[ns]).sort(),
        );
      }
    });
  }
});
