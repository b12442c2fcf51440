import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../api/reference.queries';
import { programOfKecamatan } from '../program-of-kecamatan';

/** The name of a kecamatan given its code (from the regions of the program's city), once loaded. */
export function useKecamatanName(code: string | undefined): string | undefined {
  const programs = useQuery({ ...referenceQueries.programs(), enabled: Boolean(code) });
  const program = code ? programOfKecamatan(code, programs.data ?? []) : undefined;
  const regions = useQuery({ ...referenceQueries.regions(program?.cityCode ?? ''), enabled: Boolean(program) });
  return code ? regions.data?.kecamatan.find((k) => k.code === code)?.name : undefined;
}
