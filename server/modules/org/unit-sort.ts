import { fold } from '../../lib/text';

/**
 * Sort key of a unit: office numbers in numeric order ("10-1" before "10-12", "2" before "10"),
 * unnumbered units after numbered ones, then by name.
 */
export function unitSortKey(number: string | null | undefined, name: string): string {
  const num = (number ?? '').trim();
  const prefix = num
    ? num
        .split(/[-./]/)
        .map((part) => (/^\d+$/.test(part) ? part.padStart(4, '0') : part.toLowerCase()))
        .join('-')
    : '~';
  return `${prefix} ${fold(name)}`;
}
