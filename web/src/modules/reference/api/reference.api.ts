import type { Program } from '@kampung/domain/program';
import type { PolicyVersion } from '@kampung/domain/program-policy';
import type { CityRegions } from '@kampung/domain/region';
import { http, searchString } from '../../../lib/http';

export const fetchPrograms = () => http<Program[]>('/api/programs');

export const fetchRegions = (cityCode: string) => http<CityRegions>(`/api/regions${searchString({ city: cityCode })}`);

/** The program's current policy (visit cadence, report target, …) with its version. */
export const fetchPolicy = (programCode: string) => http<PolicyVersion>(`/api/programs/${encodeURIComponent(programCode)}/policy`);
