/**
 * Who may see a person's training record: the person, HR, and the leaders of every unit in the
 * person's unit chain (`approverInfo(...).chainLeaders`). Everyone else is refused (403, audited):
 * every employee may see every person in the directory, so a 404 would hide nothing.
 * Courses in progress are shown to the person themself only.
 */
export interface RecordViewer {
  id: string;
  roles: readonly string[];
}

export interface RecordAbilities {
  view: boolean;
  inProgress: boolean;
  /** Self-assessment completions (their existence, never the answers): the person only. */
  selfAssessments: boolean;
}

export function recordAbilities(
  viewer: RecordViewer,
  personId: string,
  chainLeaders: readonly string[],
): RecordAbilities {
  const self = viewer.id === personId;
  const view = self || viewer.roles.includes('hr') || chainLeaders.includes(viewer.id);
  return { view, inProgress: self, selfAssessments: self };
}
