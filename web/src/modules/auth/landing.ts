import type { UserRole } from '@kampung/domain/access';

/** Where a role lands after signing in: a manager on the dashboard, a mentor on their worklist,
 * everyone else on the case list. */
export function landingPath(role: UserRole): string {
  if (role === 'MANAGER') return '/dashboard';
  if (role === 'MENTOR') return '/worklist';
  return '/';
}
