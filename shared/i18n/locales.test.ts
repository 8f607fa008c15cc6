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

// Field-issue codes the server can send (custom zod messages in shared schemas, `code:` in server
// issues) must have a translation, or the UI falls back to a vague "invalid".
const sources = import.meta.glob<string>(
  ['../**/*.ts', '../../server/**/*.ts', '!../**/*.test.ts', '!../../server/**/*.test.ts'],
  {
    eager: true,
    query: '?raw',
    import: 'default',
  },
);

describe('validation codes', () => {
  const codes = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/message: '([a-z_]+)'/g)) codes.add(m[1] as string);
    for (const m of text.matchAll(/(?:issue\([^,]+, |path[^\n]*?code: )'([a-z_]+)'/g))
      codes.add(m[1] as string);
  }
  it('finds the codes', () => {
    expect(codes.has('invalid_url')).toBe(true);
    for (const code of ['unknown_reference', 'cycle', 'app_unavailable', 'file_too_large'])
      expect(codes.has(code), code).toBe(true);
  });
  for (const lang of Object.keys(byLang)) {
    it(`${lang} translates every validation code`, () => {
      const validation = (byLang[lang]?.validation ?? {}) as Record<string, unknown>;
      expect([...codes].filter((c) => !(c in validation))).toEqual([]);
    });
  }
});
