import type { Audience } from '../org/audience';
import type { appIcons } from './schemas';

export interface AppDTO {
  id: string;
  name: { de: string; en: string };
  description: { de: string; en: string };
  url: string;
  icon: (typeof appIcons)[number];
  suggested: boolean;
  /** Whether the viewer has it pinned. */
  pinned: boolean;
  /** Only for those who manage the catalogue. */
  audience: Audience | null;
  abilities: { update: boolean; delete: boolean };
}
