import type { DueTrainingsWidgetDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { myDueTrainings } from './compliance.service';

/** Start-page widget "Fällige Schulungen": the 5 most urgent, and how many are overdue. */
export async function dueTrainingsWidget(
  user: Pick<CurrentUser, 'id'>,
): Promise<DueTrainingsWidgetDTO> {
  const due = await myDueTrainings(user);
  return { items: due.slice(0, 5), overdue: due.filter((d) => d.overdue).length };
}
