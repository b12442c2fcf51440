import { usersRepository, type Db } from '@kampung/db';
import type { UserRole } from '@kampung/domain';
import { hashPassword } from './passwords';

export interface UserSeed {
  email: string;
  name: string;
  role: UserRole;
  password: string;
  programCodes?: string[];
  kecamatanCodes?: string[];
  agencyCode?: string | null;
}

/** Demo logins, one per role, printed by `npm start` and listed in the README. */
export const DEMO_USERS: UserSeed[] = [
  { email: 'admin@kampung.demo', name: 'Admin Dinas Sosial', role: 'ADMIN', password: 'admin-demo-2026' },
  { email: 'petugas@kampung.demo', name: 'Siti Rahayu (Petugas Dinsos)', role: 'OFFICER', password: 'petugas-demo-2026' },
  { email: 'kepala@kampung.demo', name: 'Hendra Wijaya (Kepala Dinas)', role: 'MANAGER', password: 'kepala-demo-2026' },
  { email: 'auditor@kampung.demo', name: 'Budi Santoso (Auditor Inspektorat)', role: 'AUDITOR', password: 'auditor-demo-2026' },
  { email: 'pendamping@kampung.demo', name: 'Ahmad Fauzi (Pendamping)', role: 'MENTOR', password: 'pendamping-demo-2026' },
  { email: 'arsitek@kampung.demo', name: 'Lestari Handayani (Arsitek IAI)', role: 'IAI_ARCHITECT', password: 'arsitek-demo-2026' },
  { email: 'ketua@kampung.demo', name: 'Slamet Riyadi (Ketua Kampung)', role: 'COMMITTEE', password: 'ketua-demo-2026' },
  { email: 'opd@kampung.demo', name: 'Dewi Anggraini (Disnaker)', role: 'AGENCY_STAFF', password: 'opd-demo-2026', agencyCode: 'DISNAKER' },
];

/** Makes sure a user exists with this name, role, scope and password. */
export async function ensureUser(db: Db, user: UserSeed): Promise<string> {
  return usersRepository.upsertUser(db, {
    email: user.email,
    name: user.name,
    role: user.role,
    passwordHash: await hashPassword(user.password),
    programCodes: user.programCodes ?? [],
    kecamatanCodes: user.kecamatanCodes ?? [],
    agencyCode: user.agencyCode ?? null,
  });
}
