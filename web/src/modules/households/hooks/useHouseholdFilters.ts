import { useUrlFilters } from '../../../lib/useUrlFilters';
import type { HouseholdFilters } from '../api/households.api';

type FilterName = keyof HouseholdFilters | 'kecamatan';

const KECAMATAN = /^\d{2}\.\d{2}\.\d{2}$/;
const KELURAHAN = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const RW = /^\d{1,3}$/;

/** The household list's filters live in the URL, so a filtered list can be bookmarked and shared.
 * The kecamatan only narrows the kelurahan to choose from (a new kecamatan clears the kelurahan);
 * values the API would refuse (a malformed code, a one-letter search) are ignored. */
export function useHouseholdFilters() {
  const { read, setFilters, clear } = useUrlFilters<FilterName>({ kecamatan: ['kelurahan'] });
  const kelurahan = read('kelurahan');
  const kecamatan = read('kecamatan');
  const rw = read('rw');
  const q = read('q')?.trim();
  const filters: HouseholdFilters = {
    kelurahan: kelurahan && KELURAHAN.test(kelurahan) ? kelurahan : undefined,
    rw: rw && RW.test(rw) ? rw : undefined,
    q: q && q.length >= 2 ? q : undefined,
  };
  // The kecamatan of the chosen kelurahan, when the URL names only the kelurahan.
  const shownKecamatan = kecamatan && KECAMATAN.test(kecamatan) ? kecamatan : filters.kelurahan?.slice(0, 8);
  return { filters, kecamatan: shownKecamatan, setFilters, clear };
}
