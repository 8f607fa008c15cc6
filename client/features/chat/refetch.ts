import type { QueryClient } from '@tanstack/react-query';

/**
 * A change written into the cache while the same data is being fetched would be overwritten by
 * that answer, which the server produced before the change (seen after a restart: the
 * reconnect's refetch dropped a message that arrived live, or that the outbox had just sent,
 * meanwhile). Fetch again instead; the new answer includes the change.
 */
export function refetchIfFetching(qc: QueryClient, queryKey: readonly unknown[]): void {
  if (qc.isFetching({ queryKey, exact: true }) > 0) {
    void qc.invalidateQueries({ queryKey, exact: true });
  }
}
