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
