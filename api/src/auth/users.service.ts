import { usersRepository, type Db } from '@kampung/db';
import type { UserRole } from '@kampung/domain';
import { hashPassword } from './passwords';

export interface UserSeed {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

/** Demo logins, printed by `npm start` and listed in the README. */
export const DEMO_USERS: UserSeed[] = [
  { email: 'admin@kampung.demo', name: 'Admin Dinas Sosial', role: 'ADMIN', password: 'admin-demo-2026' },
  { email: 'petugas@kampung.demo', name: 'Siti Rahayu (Petugas Dinsos)', role: 'OFFICER', password: 'petugas-demo-2026' },
  { email: 'viewer@kampung.demo', name: 'Budi Santoso (Pemantau)', role: 'VIEWER', password: 'viewer-demo-2026' },
  // A mentor (pendamping); the role model of the access issue will give mentors their own role.
  { email: 'pendamping@kampung.demo', name: 'Ahmad Fauzi (Pendamping)', role: 'OFFICER', password: 'pendamping-demo-2026' },
];

/** Makes sure a user exists with this name, role and password. */
export async function ensureUser(db: Db, user: UserSeed): Promise<string> {
  return usersRepository.upsertUser(db, {
    email: user.email,
    name: user.name,
    role: user.role,
    passwordHash: await hashPassword(user.password),
  });
}
