import type { PageAbilities } from '@shared/wiki/types';

/**
 * History rights (pure). With approval on, the history shows unapproved drafts: only those who
 * may see drafts (editors+) read it. Without approval every reader may read the history;
 * keeping and restoring versions is editing.
 */
export function historyAbilities(
  abilities: PageAbilities,
  approvalRequired: boolean,
): { read: boolean; save: boolean; restore: boolean } {
  const read = abilities.read && (!approvalRequired || abilities.viewDraft);
  return { read, save: abilities.edit, restore: abilities.edit };
}

/** Which version an export shows: the draft for those who may see it, else what is published. */
export const exportsDraft = (abilities: PageAbilities) => abilities.viewDraft;
