import { describe, expect, it } from 'vitest';
import { centsToEuro, euroToCents, parseTags } from './meta';

describe('euro amounts', () => {
  it('reads German and English amounts as cents', () => {
    expect(euroToCents('')).toBe(0);
    expect(euroToCents('12')).toBe(1200);
    expect(euroToCents('12,5')).toBe(1250);
    expect(euroToCents('1.250,50 €')).toBe(125050);
    expect(euroToCents('99.99')).toBe(9999);
    expect(euroToCents('abc')).toBeNull();
    expect(euroToCents('1,234')).toBeNull();
  });
  it('shows cents in the reader language', () => {
    expect(centsToEuro(0, 'de')).toBe('');
    expect(centsToEuro(125050, 'de')).toBe('1250,50');
    expect(centsToEuro(1200, 'en')).toBe('12');
  });
  it('splits tags by comma without empties or repeats', () => {
    expect(parseTags(' a, b,,a ,c ')).toEqual(['a', 'b', 'c']);
  });
});
