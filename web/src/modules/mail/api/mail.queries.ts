import { queryOptions } from '@tanstack/react-query';
import { fetchDeadLetters } from './mail.api';

export const mailKeys = {
  all: ['mail'] as const,
  deadLetters: () => [...mailKeys.all, 'dead-letters'] as const,
};

export const mailQueries = {
  deadLetters: () => queryOptions({ queryKey: mailKeys.deadLetters(), queryFn: fetchDeadLetters, refetchInterval: 30_000 }),
};
