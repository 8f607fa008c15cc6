import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

type Handler = () => void;
let onUnauthenticated: Handler | null = null;

/** The app registers what happens when any query finds the session gone (401). */
export function setUnauthenticatedHandler(handler: Handler | null): void {
  onUnauthenticated = handler;
}

const isClientError = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500;

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) onUnauthenticated?.();
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers do not change by asking again.
      retry: (count, error) => !isClientError(error) && count < 2,
    },
    mutations: { retry: false },
  },
});
