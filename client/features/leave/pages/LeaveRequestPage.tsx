import { PlaceholderPage } from './PlaceholderPage';

/** Filled in by the next commit. */
export const LeaveRequestPage = PlaceholderPage;
