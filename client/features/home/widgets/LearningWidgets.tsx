import { MyCoursesWidget } from '../../learning/MyCoursesWidget';
import { DueTrainingsWidget } from '../../learning/mandatory/DueTrainingsWidget';
import { useBoardData } from '../queries';

/** "Meine Kurse" with the data of the board's one round trip. */
export function MyCoursesBoardWidget() {
  return <MyCoursesWidget data={useBoardData('my-courses').data} />;
}

/** "Fällige Schulungen" with the data of the board's one round trip. */
export function DueTrainingsBoardWidget() {
  return <DueTrainingsWidget data={useBoardData('due-trainings').data} />;
}
