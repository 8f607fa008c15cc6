import type { SVGProps } from 'react';
import type { AppDTO } from '@shared/apps/types';

type Icon = AppDTO['icon'];

// Drawn here (no uploads, no external hosts): one path set per icon of the fixed catalogue list.
const paths: Record<Icon, string[]> = {
  app: ['M4 4h7v7H4z', 'M13 4h7v7h-7z', 'M4 13h7v7H4z', 'M13 13h7v7h-7z'],
  mail: ['M3 5h18v14H3z', 'm3 6 9 7 9-7'],
  calendar: ['M4 5h16v16H4z', 'M4 10h16', 'M8 3v4', 'M16 3v4'],
  folder: ['M3 6h6l2 2h10v11H3z'],
  document: ['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M9 12h6', 'M9 16h6'],
  chart: ['M4 20V4', 'M4 20h16', 'M8 16v-5', 'M12 16V8', 'M16 16v-3'],
  people: [
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
    'M2 20c0-3.5 3-6 7-6s7 2.5 7 6',
    'M16 4.5a3.5 3.5 0 0 1 0 6.5',
    'M18 14c2.4.6 4 2.9 4 6',
  ],
  money: ['M3 6h18v12H3z', 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M6 9v.01', 'M18 15v.01'],
  phone: [
    'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2',
  ],
  help: [
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
    'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3',
    'M12 17h.01',
  ],
  book: ['M4 4h6a3 3 0 0 1 3 3v14a2 2 0 0 0-2-2H4z', 'M20 4h-6a3 3 0 0 0-3 3v14a2 2 0 0 1 2-2h7z'],
  map: ['M9 4 3 6v14l6-2 6 2 6-2V4l-6 2z', 'M9 4v14', 'M15 6v14'],
  shield: ['M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z'],
  clock: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7v5l3 2'],
  tool: [
    'M14.7 6.3a4 4 0 0 0-5.4 5.2L3 17.8 6.2 21l6.3-6.3a4 4 0 0 0 5.2-5.4l-2.5 2.5-2.5-.5-.5-2.5z',
  ],
};

/** An app's icon from the fixed set (decorative: the link carries the name). */
export function AppIcon({ icon, ...props }: { icon: Icon } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable={false}
      {...props}
    >
      {(paths[icon] ?? paths.app).map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
