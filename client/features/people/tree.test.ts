import { describe, it, expect } from 'vitest';
import type { UnitDTO } from '@shared/org/types';
import { buildTree, subtreeIds, unitOptions, visibleNodes } from './tree';
import { toVCard, vCardFileName } from './vcard';
import type { PersonDTO } from '@shared/people/types';

const unit = (
  id: string,
  number: string | null,
  name: string,
  parentId: string | null,
  path: string[] = [],
): UnitDTO => ({
  id,
  name,
  number,
  kind: parentId ? 'department' : 'office',
  parentId,
  path,
  leader: null,
  locationId: null,
  memberCount: 0,
  childCount: 0,
  abilities: { update: false, delete: false },
});

const units = [
  unit('b', '20', 'Stadtkämmerei', null),
  unit('a2', '10-2', 'Aus- und Fortbildung', 'a', ['a']),
  unit('a', '10', 'Haupt- und Personalamt', null),
  unit('a1', '10-1', 'Personalservice', 'a', ['a']),
  unit('a11', null, 'Team Bezüge', 'a1', ['a', 'a1']),
  unit('c', '2', 'Amt zwei', null),
];

describe('org tree helpers', () => {
  it('orders offices by number naturally and nests departments', () => {
    const roots = buildTree(units);
    expect(roots.map((n) => n.unit.number)).toEqual(['2', '10', '20']);
    expect(roots[1]?.children.map((n) => n.unit.id)).toEqual(['a1', 'a2']);
    expect(roots[1]?.children[0]?.children[0]?.depth).toBe(3);
  });

  it('shows children only of expanded units', () => {
    const roots = buildTree(units);
    expect(visibleNodes(roots, new Set()).map((n) => n.unit.id)).toEqual(['c', 'a', 'b']);
    expect(visibleNodes(roots, new Set(['a'])).map((n) => n.unit.id)).toEqual([
      'c',
      'a',
      'a1',
      'a2',
      'b',
    ]);
    // A collapsed parent hides its expanded children.
    expect(visibleNodes(roots, new Set(['a1'])).map((n) => n.unit.id)).toEqual(['c', 'a', 'b']);
  });

  it('counts the members of a unit together with all units below it', () => {
    const counted = units.map((u) => ({
      ...u,
      memberCount: { a: 1, a1: 2, a11: 4, a2: 8 }[u.id] ?? 0,
    }));
    const office = buildTree(counted).find((n) => n.unit.id === 'a');
    expect(office?.totalMembers).toBe(15);
    expect(office?.children[0]?.totalMembers).toBe(6);
  });

  it('keeps units with an unknown parent as roots instead of dropping them', () => {
    const roots = buildTree([unit('x', '9', 'Waise', 'missing')]);
    expect(roots.map((n) => n.unit.id)).toEqual(['x']);
  });

  it('finds a subtree (a unit may not move below itself)', () => {
    expect([...subtreeIds(units, 'a')].sort()).toEqual(['a', 'a1', 'a11', 'a2']);
    expect(unitOptions(units).map((o) => o.label)[1]).toBe('10 Haupt- und Personalamt');
  });
});

describe('vCard', () => {
  const person = {
    id: '1',
    displayName: 'Jürgen Weiß',
    givenName: 'Jürgen',
    familyName: 'Weiß',
    position: 'Leiter; Abteilung, Finanzen',
    email: 'juergen.weiss@stuttgart.example',
    phone: '+49 711 216-12345',
    unit: { id: 'u', name: 'Stadtkämmerei', number: '20' },
    location: { id: 'l', name: 'Rathaus' },
  } as PersonDTO;

  it('escapes separators and includes contact lines', () => {
    const card = toVCard(person);
    expect(card).toContain('N:Weiß;Jürgen;;;');
    expect(card).toContain('TITLE:Leiter\\; Abteilung\\, Finanzen');
    expect(card).toContain('TEL;TYPE=WORK,VOICE:+49 711 216-12345');
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:3.0')).toBe(true);
  });

  it('makes an ASCII file name', () => {
    expect(vCardFileName(person)).toBe('jurgen-weiss.vcf');
  });
});
