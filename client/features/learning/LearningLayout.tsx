import { Outlet } from 'react-router';
import { LearningSubNav } from './components/LearningSubNav';

/** Every learning page: the sub navigation above the page. */
export function LearningLayout() {
  return (
    <>
      <LearningSubNav />
      <Outlet />
    </>
  );
}
