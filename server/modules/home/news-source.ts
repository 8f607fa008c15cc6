import type { NewsSummaryDTO } from '@shared/news/types';
import type { CurrentUser } from '../auth/current-user';

// TEMPORARY until news.feed.ts (N1) lands: then re-export `newsForHome` and `toAcknowledge`.
export const newsForHome = async (
  _user: CurrentUser,
  _limit: number,
): Promise<NewsSummaryDTO[]> => [];
export const toAcknowledge = async (_user: CurrentUser): Promise<NewsSummaryDTO[]> => [];
