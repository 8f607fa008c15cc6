import { describe, expect, it } from 'vitest';
import { excerptOf, indexText, matchPage, queryTerms, titleTerms } from './search.text';

describe('wiki search matching', () => {
  const text = indexText(
    'Der Urlaubsantrag wird im Portal gestellt. Die Führungskraft prüft ihn; Überstunden werden gesondert abgebaut.',
  );

  it('matches word starts with umlauts folded in query and text', () => {
    expect(matchPage(queryTerms('urlaub'), [], text)).toEqual({ title: 0, text: 1 });
    expect(matchPage(queryTerms('Führungs'), [], text)).not.toBeNull();
    expect(matchPage(queryTerms('fuehrungskraft'), [], text)).not.toBeNull();
    expect(matchPage(queryTerms('ÜBERSTUNDEN abgebaut'), [], text)?.text).toBe(2);
  });

  it('does not match inside a word', () => {
    expect(matchPage(queryTerms('antrag'), [], text)).toBeNull();
  });

  it('needs every word, in the title or the text', () => {
    const title = titleTerms('Urlaub beantragen');
    expect(matchPage(queryTerms('urlaub portal'), title, text)).toEqual({ title: 1, text: 1 });
    expect(matchPage(queryTerms('urlaub dienstwagen'), title, text)).toBeNull();
    expect(matchPage(queryTerms('beantragen'), title, null)).toEqual({ title: 1, text: 0 });
    expect(matchPage(queryTerms('portal'), title, null)).toBeNull();
  });

  it('finds titles with stripped umlauts too', () => {
    expect(matchPage(queryTerms('muller'), titleTerms('Ablage bei Müller'), null)?.title).toBe(1);
  });

  it('excerpts around the first match, cut at words, plain text', () => {
    const long = `${'Einleitung mit vielen Worten. '.repeat(20)}Hier steht der Dienstwagen im Hof. ${'Schluss und Ende. '.repeat(20)}`;
    const ex = excerptOf(long, queryTerms('dienstwagen'), 120);
    expect(ex).toContain('Dienstwagen');
    expect(ex.startsWith('… ')).toBe(true);
    expect(ex.endsWith(' …')).toBe(true);
    expect(ex.length).toBeLessThanOrEqual(126);
    expect(excerptOf('kurz', ['x'])).toBe('kurz');
    expect(excerptOf(long, ['zzz'], 50).startsWith('Einleitung')).toBe(true);
  });
});
