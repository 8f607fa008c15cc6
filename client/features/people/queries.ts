import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { ApiPage } from '@shared/http/errors';
import type { PersonDTO } from '@shared/people/types';
import type { UpdateOwnProfileInput } from '@shared/people/schemas';
import {
  getPerson,
  listLocations,
  listPeople,
  listUnits,
  normaliseFilters,
  updateOwnProfile,
  type DirectoryFilters,
} from './api';

/** Query keys of the people feature: mutations and socket events patch exactly these. */
export const peopleKeys = {
  all: ['people'] as const,
  lists: () => [...peopleKeys.all, 'list'] as const,
  list: (filters: DirectoryFilters) => [...peopleKeys.lists(), normaliseFilters(filters)] as const,
  details: () => [...peopleKeys.all, 'detail'] as const,
  detail: (id: string) => [...peopleKeys.details(), id] as const,
};

/** Units and locations: a small flat list each, cached long. */
export const orgKeys = {
  all: ['org'] as const,
  units: () => [...orgKeys.all, 'units'] as const,
  locations: () => [...orgKeys.all, 'locations'] as const,
};

type PeoplePages = InfiniteData<ApiPage<PersonDTO>, string | null>;

/** Directory search with cursor pagination ("load more"). Keeps old results while typing. */
export function useDirectory(filters: DirectoryFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: peopleKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listPeople(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getPerson(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useUnits() {
  return useQuery({
    queryKey: orgKeys.units(),
    queryFn: ({ signal }) => listUnits(signal),
    staleTime: 5 * 60_000,
  });
}

export function useLocations() {
  return useQuery({
    queryKey: orgKeys.locations(),
    queryFn: ({ signal }) => listLocations(signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * Puts a fresh person into the cache: the detail entry, and every directory page that lists them
 * (so the list does not show stale data until the next refetch).
 */
export function patchPerson(qc: QueryClient, person: PersonDTO): void {
  qc.setQueryData(peopleKeys.detail(person.id), person);
  qc.setQueriesData<PeoplePages>({ queryKey: peopleKeys.lists() }, (old) =>
    old
      ? {
          ...old,
          pages: old.pages.map((page) => ({
            ...page,
            data: page.data.map((p) => (p.id === person.id ? person : p)),
          })),
        }
      : old,
  );
}

export function useUpdateOwnProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateOwnProfileInput) => updateOwnProfile(input),
    onSuccess: (person) => {
      patchPerson(qc, person);
      // Responsibilities feed the search terms: lists may now match differently.
      void qc.invalidateQueries({ queryKey: peopleKeys.lists(), refetchType: 'none' });
    },
  });
}
