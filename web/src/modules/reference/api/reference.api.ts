import type { Program } from '@kampung/domain/program';
import type { CityRegions } from '@kampung/domain/region';
import { http, searchString } from '../../../lib/http';

export const fetchPrograms = () => http<Program[]>('/api/programs');

export const fetchRegions = (cityCode: string) => http<CityRegions>(`/api/regions${searchString({ city: cityCode })}`);
