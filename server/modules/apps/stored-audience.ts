import type { Audience } from '@shared/org/audience';

interface StoredAudience {
  units?: { unitId: unknown; withSubunits?: boolean | null }[] | null;
  roles?: string[] | null;
  locationIds?: unknown[] | null;
}

/**
 * A stored audience (ObjectIds from the database) as the shared, string-keyed shape the one
 * matcher (`org/audience.ts`) compares. Missing parts mean "no rule".
 */
export function audienceFromStore(raw: StoredAudience | null | undefined): Audience {
  return {
    units: (raw?.units ?? []).map((u) => ({
      unitId: String(u.unitId),
      withSubunits: Boolean(u.withSubunits),
    })),
    roles: (raw?.roles ?? []) as Audience['roles'],
    locationIds: (raw?.locationIds ?? []).map(String),
  };
}
