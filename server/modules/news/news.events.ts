import type { Article } from './article.model';

export type NewsAction =
  | 'created'
  | 'updated'
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'published'
  | 'scheduled'
  | 'unpublished'
  | 'deleted'
  | 'expired';

/** Payload of the `news.changed` domain event. */
export interface NewsChangedEvent {
  articleId: string;
  /** null: the scheduler. */
  actorId: string | null;
  action: NewsAction;
  before: Article | null;
  after: Article | null;
  /** A material edit of a mandatory article (a new acknowledgement round). */
  newRound: boolean;
}
