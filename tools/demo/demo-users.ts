import type { UserSeed } from '@kampung/api';

/** Demo logins, one per role: created by `npm start` and the test stack, printed in the banner and
 * listed in the README. Never created by the migrate command (production). */
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
