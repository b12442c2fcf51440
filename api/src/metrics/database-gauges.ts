import { Gauge, type Registry } from 'prom-client';
import { operationsRepository, type Db } from '@kampung/db';

/** Gauges read from PostgreSQL when /metrics is scraped: counts only, no personal data. A scrape
 * while PostgreSQL does not answer says so (kampung_metrics_database_up 0) and drops the stale
 * values instead of failing the whole scrape. */
export function databaseGauges(register: Registry, db: Db): () => Promise<void> {
  const registers = [register];
  const up = new Gauge({ name: 'kampung_metrics_database_up', help: '1 when the gauges below could be read from PostgreSQL at this scrape', registers });
  const outboxUnsent = new Gauge({ name: 'kampung_outbox_unsent', help: 'Mail in the outbox waiting to be sent (PENDING, escalations apart)', registers });
  const outboxOldest = new Gauge({ name: 'kampung_outbox_oldest_unsent_age_seconds', help: 'Age of the oldest unsent mail (0 when none waits)', registers });
  const outboxDigest = new Gauge({ name: 'kampung_outbox_escalations_awaiting_digest', help: 'Escalations waiting for their supervisor\'s daily digest', registers });
  const outboxDead = new Gauge({ name: 'kampung_outbox_dead', help: 'Dead letters: mail given up after its attempts (shown to admins)', registers });
  const imports = new Gauge({ name: 'kampung_household_imports', help: 'Household imports by status', labelNames: ['status'] as const, registers });
  const importRows = new Gauge({ name: 'kampung_household_import_rows_processed', help: 'Rows processed of household imports, by status', labelNames: ['status'] as const, registers });
  const importTotal = new Gauge({ name: 'kampung_household_import_rows_total', help: 'Rows of household imports, by status (running ones: progress = processed / total)', labelNames: ['status'] as const, registers });
  const passAt = new Gauge({ name: 'kampung_reconciler_last_pass_timestamp_seconds', help: 'When the reconciler last finished a pass (Unix time)', registers });
  const passCases = new Gauge({ name: 'kampung_reconciler_last_pass_cases_checked', help: 'Cases the last reconciler pass compared with their workflows', registers });
  const passFindings = new Gauge({
    name: 'kampung_reconciler_last_pass_findings',
    help: 'Differences the last reconciler pass found, by kind and whether it repaired them (unrepaired ones wait in the admins\' inbox)',
    labelNames: ['kind', 'repaired'] as const,
    registers,
  });
  const passRepaired = new Gauge({ name: 'kampung_reconciler_last_pass_repaired', help: 'Findings of the last pass the reconciler repaired', registers });
  const passUnrepaired = new Gauge({ name: 'kampung_reconciler_last_pass_unrepaired', help: 'Findings of the last pass reported to admins, not repaired', registers });
  const fromDatabase = [outboxUnsent, outboxOldest, outboxDigest, outboxDead, imports, importRows, importTotal, passAt, passCases, passFindings, passRepaired, passUnrepaired];

  return async () => {
    for (const gauge of fromDatabase) gauge.reset();
    try {
      const [outbox, importRowsByStatus, reconciler] = await Promise.all([
        operationsRepository.outboxBacklog(db),
        operationsRepository.importProgress(db),
        operationsRepository.reconcilerSummary(db),
      ]);
      outboxUnsent.set(outbox.unsent);
      outboxOldest.set(outbox.oldestUnsentAt ? Math.max(0, (Date.now() - outbox.oldestUnsentAt.getTime()) / 1000) : 0);
      outboxDigest.set(outbox.awaitingDigest);
      outboxDead.set(outbox.dead);
      for (const r of importRowsByStatus) {
        imports.set({ status: r.status }, r.imports);
        importRows.set({ status: r.status }, r.processedRows);
        importTotal.set({ status: r.status }, r.totalRows);
      }
      if (reconciler) {
        passAt.set(reconciler.finishedAt.getTime() / 1000);
        passCases.set(reconciler.casesChecked);
        passRepaired.set(reconciler.repaired);
        passUnrepaired.set(reconciler.unrepaired);
        for (const f of reconciler.findings) passFindings.set({ kind: f.kind, repaired: String(f.repaired) }, f.count);
      }
      up.set(1);
    } catch {
      for (const gauge of fromDatabase) gauge.reset();
      up.set(0);
    }
  };
}
