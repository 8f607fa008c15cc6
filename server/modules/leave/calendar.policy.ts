/**
 * Who may open which team calendar and see which leave types (pure). Kept beside the calendar
 * until `leave.policy.ts` offers the same rules; the rule of issue 7: members of a unit see their
 * colleagues' absences without type, leaders (of the unit or above) and HR see the type, everyone
 * sees their own.
 */
export interface CalendarViewer {
  id: string;
  unitId: string | null;
  /** Ids of the units the viewer leads. */
  leads: string[];
  hr: boolean;
}

/** A unit's chain: its ancestors root first, then the unit itself. */
type Chain = readonly string[];

const leadsAnyOf = (viewer: CalendarViewer, chain: Chain) =>
  viewer.leads.some((id) => chain.includes(id));

/**
 * Opening the calendar of a unit (`subtree`: with every unit below it): HR and leaders of the unit
 * or above may open any such view; members may open their own unit alone.
 */
export function canOpenCalendar(viewer: CalendarViewer, chain: Chain, subtree: boolean): boolean {
  if (viewer.hr || leadsAnyOf(viewer, chain)) return true;
  const unitId = chain[chain.length - 1];
  return !subtree && unitId !== undefined && viewer.unitId === unitId;
}

/** Live refresh hints for a unit's calendar: for whoever may open it at all. */
export const canWatchCalendar = (viewer: CalendarViewer, chain: Chain): boolean =>
  canOpenCalendar(viewer, chain, false);

/** The leave type of a person's absence: the person, HR, and leaders of a unit in their chain. */
export function canSeeLeaveType(
  viewer: CalendarViewer,
  personId: string,
  personChain: Chain,
): boolean {
  return viewer.id === personId || viewer.hr || leadsAnyOf(viewer, personChain);
}
