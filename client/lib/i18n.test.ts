import { describe, expect, it } from 'vitest';
import i18n, { i18nReady, namespaces, namespacesFor, supportedLanguages } from './i18n';
import preload from './i18n-namespaces.json';

describe('i18n loading', () => {
  it('names only namespaces that exist for the first screens', () => {
    const listed = [...preload.shell, ...Object.values(preload.byPath).flat()];
    expect(listed.filter((ns) => !namespaces.includes(ns))).toEqual([]);
  });

  it('loads the shell and the start page texts for /, everything for other pages', () => {
    expect(namespacesFor('/').sort()).toEqual(
      [...new Set([...preload.shell, ...(preload.byPath['/'] ?? [])])].sort(),
    );
    expect(namespacesFor('/').length).toBeLessThan(namespaces.length);
    expect(namespacesFor('/news')).toEqual(namespaces);
  });

  it('loads a language on demand before switching to it', async () => {
    await i18nReady;
    expect(supportedLanguages).toEqual(['de', 'en']);
    await i18n.changeLanguage('en');
    expect(i18n.t('common:nav.home')).not.toBe('nav.home');
    const english = i18n.t('common:nav.home');
    await i18n.changeLanguage('de');
    expect(i18n.t('common:nav.home')).not.toBe(english);
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('portal.lang')).toBe('de');
  });
});
