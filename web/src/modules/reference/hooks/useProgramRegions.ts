import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../api/reference.queries';

/** The programs, the chosen one, and the kecamatan/kelurahan of its city (once a program is chosen). */
export function useProgramRegions(programCode: string | undefined) {
  const programs = useQuery(referenceQueries.programs());
  const program = programs.data?.find((p) => p.code === programCode);
  const regions = useQuery({ ...referenceQueries.regions(program?.cityCode ?? ''), enabled: Boolean(program) });
  return {
    programs: programs.data ?? [],
    program,
    kecamatan: program ? (regions.data?.kecamatan ?? []) : [],
    error: programs.error ?? regions.error,
  };
}
