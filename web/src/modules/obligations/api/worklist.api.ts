import { queryOptions } from '@tanstack/react-query';
import { http } from '../../../lib/http';
import type { Worklist } from './obligations.api';

// The worklist apart from the feature's other reads: the first download fetches it beside the
// session (first-load.ts) and keeps it on the device, without the rest of obligations.api.

export const WORKLIST_PATH = '/api/me/worklist';

export const fetchWorklist = () => http<Worklist>(WORKLIST_PATH);

export const worklistKey = () => ['obligations', 'worklist'] as const;

export const worklistQuery = () => queryOptions({ queryKey: worklistKey(), queryFn: fetchWorklist });
