/**
 * Error codes the API returns in `{ error: { code, message, details?, correlationId? } }`.
 * The client translates `code` (i18n key `errors.<code>`); `message` is an English fallback.
 */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'forbidden',
  'csrf_invalid',
  'origin_forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'service_unavailable',
  'internal',
  'channel_name_taken',
  'last_owner',
  'invalid_attachment',
  'client_id_reused',
  'insufficient_balance',
  'invalid_transition',
  'leave_overlap',
  'no_working_days',
  'own_request',
  'entitlement_below_approved',
  'space_key_taken',
  'stale_copy',
  'move_into_own_subtree',
  'page_archived',
  'room_archived',
  'request_pending',
  'already_member',
  'course_not_published',
  'not_enrolled',
  'no_attempts_left',
  'session_full',
  'registration_closed',
  'already_registered',
  'session_cancelled',
  'course_archived',
  'nothing_to_publish',
  'course_incomplete',
  'no_approver',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. `email` or `roles.0`. */
  path: string;
  /** i18n key under `validation.` (e.g. `too_small`), translated on the client. */
  code: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: FieldIssue[];
    correlationId?: string;
  };
}

/** Every successful response wraps its payload: `{ data }`, lists add `nextCursor`. */
export interface ApiData<T> {
  data: T;
}
export interface ApiPage<T> {
  data: T[];
  nextCursor: string | null;
}
