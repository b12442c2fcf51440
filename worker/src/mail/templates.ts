import { outboxRepository, type Db } from '@kampung/db';

/** A mail ready for SMTP: Indonesian first, English below it. */
export interface RenderedMail {
  subject: string;
  text: string;
}

const KIND_WORDS: Record<string, [string, string]> = {
  VISIT: ['Kunjungan', 'Visit'],
  MONITORING_REPORT: ['Laporan pemantauan', 'Monitoring report'],
  EVALUATION: ['Evaluasi', 'Evaluation'],
  STAGE_DEADLINE: ['Batas waktu tahap', 'Stage deadline'],
  GRADUATE_CHECK: ['Pemeriksaan pasca-kelulusan', 'Post-graduation check'],
};

const wib = (date: Date | string) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long' }).format(new Date(date));

function bilingual(name: string, indonesian: string[], english: string[]): string {
  return [`Halo ${name},`, '', ...indonesian, '', '— English —', '', `Hello ${name},`, '', ...english, '', 'Kampung'].join('\n');
}

/** The words of one outbox row; what the row refers to (a report, escalated obligations) is read
 * from PostgreSQL, in the sending transaction. */
export async function renderMail(db: Db, mail: outboxRepository.MailToSend): Promise<RenderedMail> {
  const name = mail.to.name;
  const payload = (mail.payload ?? {}) as Record<string, unknown>;
  switch (mail.template) {
    case 'USER_INVITED': {
      const { link, expiresAt } = payload as { link: string; expiresAt: string };
      return {
        subject: 'Undangan ke Kampung / Invitation to Kampung',
        text: bilingual(
          name,
          ['Anda diundang ke platform kasus Kampung. Pilih kata sandi Anda melalui tautan ini:', link, `Tautan berlaku satu kali sampai ${wib(expiresAt)}.`],
          ['You are invited to the Kampung case platform. Choose your password with this link:', link, `The link works once, until ${new Date(expiresAt).toUTCString()}.`],
        ),
      };
    }
    case 'PASSWORD_RESET': {
      const { link, expiresAt } = payload as { link: string; expiresAt: string };
      return {
        subject: 'Atur ulang kata sandi / Reset your password',
        text: bilingual(
          name,
          ['Seseorang meminta pengaturan ulang kata sandi akun Anda. Pilih kata sandi baru melalui tautan ini:', link, `Berlaku satu kali sampai ${wib(expiresAt)}. Abaikan surel ini jika bukan Anda.`],
          ['Someone asked to reset your password. Choose a new one with this link:', link, `It works once, until ${new Date(expiresAt).toUTCString()}. Ignore this mail if it was not you.`],
        ),
      };
    }
    case 'MONITORING_REPORT_RED': {
      const report = await outboxRepository.reportForMail(db, String(payload.reportId));
      const what = report ? `${report.case_name}, ${report.period}: ${Number(report.progress_percent)}%` : String(payload.reportId);
      return {
        subject: `Laporan merah / Red report: ${report?.case_name ?? ''}`.trim(),
        text: bilingual(name, ['Laporan pemantauan di bawah target:', what], ['A monitoring report below its target:', what]),
      };
    }
    case 'ESCALATION_DIGEST': {
      const { day, obligationIds } = payload as { day: string; obligationIds: string[] };
      const rows = await outboxRepository.escalatedObligations(db, obligationIds);
      const line = (lang: 0 | 1) => (row: (typeof rows)[number]) =>
        `- ${row.case_name}: ${KIND_WORDS[row.kind]?.[lang] ?? row.kind}${row.period_label ? ` ${row.period_label}` : ''}, ${lang === 0 ? 'jatuh tempo' : 'due'} ${wib(row.due_at)}${row.assignee_name ? ` (${row.assignee_name})` : ''}`;
      return {
        subject: `Ringkasan eskalasi ${day} / Escalation digest (${rows.length})`,
        text: bilingual(
          name,
          [`Kewajiban yang dieskalasi kepada Anda (${rows.length}):`, ...rows.map(line(0)), '', 'Semuanya juga ada di kotak masuk Anda.'],
          [`Obligations escalated to you (${rows.length}):`, ...rows.map(line(1)), '', 'They are in your inbox as well.'],
        ),
      };
    }
    default:
      throw new Error(`no mail template ${mail.template}`);
  }
}
