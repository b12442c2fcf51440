import type { DeadLetters } from '@kampung/domain/mail';
import { http } from '../../../lib/http';

export type { DeadLetters };

/** Mail the worker gave up on (admins). */
export const fetchDeadLetters = () => http<DeadLetters>('/api/mail/dead-letters');
