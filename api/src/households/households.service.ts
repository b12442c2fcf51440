import { householdsRepository, type Db } from '@kampung/db';
import {
  householdListQuerySchema,
  maskNik,
  may,
  type CaseReach,
  type HouseholdSummary,
  type HouseholdView,
  type PersonView,
} from '@kampung/domain';
import { audit, type AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';

type PersonRow = { id: string; nik: string; name: string; birth_date: string; sex: string; relation: string; quality: string; nik_problems: string[]; merged_into: string | null };

/** A person as a reader sees them: the NIK whole only when unmasked was asked for (and allowed). */
export function personView(p: PersonRow, unmasked = false): PersonView {
  return {
    id: p.id,
    nik: unmasked ? p.nik : maskNik(p.nik),
    nikMasked: !unmasked,
    name: p.name,
    birthDate: p.birth_date,
    sex: p.sex as PersonView['sex'],
    relation: p.relation,
    quality: p.quality as PersonView['quality'],
    nikProblems: p.nik_problems,
    mergedInto: p.merged_into,
  };
}

export async function listHouseholds(db: Db, query: unknown, reach: CaseReach) {
  const q = parseInput(householdListQuerySchema, query);
  const { items, total } = await householdsRepository.listHouseholds(db, q, reach);
  const rows: HouseholdSummary[] = items.map((h) => ({
    id: h.id, kk: maskNik(h.kk), head: h.head ?? null, members: Number(h.members ?? 0), kelurahanName: h.kelurahan_name, rw: h.rw, rt: h.rt, decile: h.decile,
  }));
  return { items: rows, total, page: q.page, pageSize: q.pageSize };
}

/** A household within reach: its members (NIK and KK masked unless `unmask` is asked by a role that
 * may; such a read is audited) and everything its members received, from whom and when. */
export async function getHousehold(db: Db, id: string, user: SessionUser, reach: CaseReach, { unmask, source }: { unmask: boolean; source: AuditSource }): Promise<HouseholdView> {
  if (unmask && !may(user.role, 'person.unmask')) throw new AppError('FORBIDDEN', 'Your role sees NIK and KK masked');
  const found = isUuid(id) ? await householdsRepository.findHousehold(db, id, reach) : undefined;
  if (!found) throw new AppError('NOT_FOUND', `No household ${id}`);
  const { household: h, members, received } = found;
  if (unmask) {
    await audit(db, {
      actorId: user.id, action: 'PERSONAL_DATA_READ', subjectType: 'household', subjectId: h.id,
      after: { unmasked: ['kk', 'nik'], persons: members.map((m) => m.id) }, ...source,
    });
  }
  return {
    id: h.id,
    kk: unmask ? h.kk : maskNik(h.kk),
    kkMasked: !unmask,
    kelurahan: { code: h.kelurahan_code, name: h.kelurahan_name },
    kecamatan: { code: h.kecamatan_code, name: h.kecamatan_name },
    rw: h.rw,
    rt: h.rt,
    address: h.address,
    decile: h.decile,
    dataDate: h.data_date,
    source: h.source,
    dtksId: h.dtks_id,
    members: members.map((m) => personView(m, unmask)),
    received: received.map((r) => ({
      activityId: r.activity_id,
      title: r.title,
      kind: r.kind,
      agency: { code: r.agency_code, name: r.agency_name },
      case: { id: r.case_id, name: r.case_name },
      person: { id: r.person_id, name: r.person_name },
      enrolledAt: r.enrolled_at.toISOString(),
      firstSession: r.first_session,
      lastSession: r.last_session,
      sessionsAttended: Number(r.attended),
      sessions: Number(r.sessions),
      outputs: r.outputs,
    })),
  };
}
