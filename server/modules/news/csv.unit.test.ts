import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('defuses formulas in cells that start with = + - @ (and tab / CR)', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+49 711')).toBe("'+49 711");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('Müller, Erika')).toBe('Müller, Erika');
    expect(csvCell('a-b=c')).toBe('a-b=c');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('Amt; Referat')).toBe('"Amt; Referat"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('writes a BOM and CRLF lines', () => {
    const csv = toCsv([
      ['name', 'unit'],
      ['Özil', '=1+1'],
    ]);
    expect(csv).toBe("\uFEFFname;unit\r\nÖzil;'=1+1\r\n");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
  });
});
