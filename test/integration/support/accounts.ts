import { randomUUID } from 'node:crypto';
import { createDb, usersRepository } from '@kampung/db';
import type { UserRole } from '@kampung/domain';
import { hashPassword } from '@kampung/api/src/auth/passwords';
import { ApiClient } from './api-client';
import { env } from './env';

const PASSWORD = 'kata-sandi-uji-2026';

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  role: UserRole;
  /** Signed in as this account. */
  api: ApiClient;
}

/** A fresh account of a role and scope, written straight to PostgreSQL (the invitation flow has its
 * own tests) and signed in, for tests that need people of many roles. */
export async function newAccount(
  role: UserRole,
  scope: { programCodes?: string[]; kecamatanCodes?: string[]; agencyCode?: string | null; name?: string } = {},
): Promise<TestAccount> {
  const db = createDb(env.databaseUrl, { max: 1 });
  try {
    const suffix = randomUUID().slice(0, 8);
    const email = `${role.toLowerCase()}-${suffix}@uji.kampung`;
    const id = await usersRepository.upsertUser(db, {
      email,
      name: scope.name ?? `Uji ${role} ${suffix}`,
      role,
      passwordHash: await hashPassword(PASSWORD),
      programCodes: scope.programCodes ?? [],
      kecamatanCodes: scope.kecamatanCodes ?? [],
      agencyCode: scope.agencyCode ?? null,
    });
    return { id, email, password: PASSWORD, role, api: await ApiClient.signedIn({ email, password: PASSWORD }) };
  } finally {
    await db.destroy();
  }
}
