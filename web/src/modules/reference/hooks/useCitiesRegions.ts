import type { CityRegions } from '@kampung/domain/region';
import { useQueries } from '@tanstack/react-query';
import { referenceQueries } from '../api/reference.queries';

/** The kecamatan (with their kelurahan) of several cities at once, in the order given; a city's
 * regions are left out until they load. */
export function useCitiesRegions(cityCodes: readonly string[]) {
  return useQueries({
    queries: cityCodes.map((city) => referenceQueries.regions(city)),
    combine: (results) => ({
      cities: results.flatMap((r) => (r.data ? [r.data] : [])) as CityRegions[],
      pending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}
