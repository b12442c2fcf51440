import { STAGES } from '@kampung/domain/stages';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTimeWib } from '../../../lib/format';
import type { AuditEntryView } from '../api/audit.api';
import { auditChanges } from '../audit-changes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AuditEntryListProps {
  entries: readonly AuditEntryView[];
  /** A person's name by id, to name a user who is the subject of an entry. */
  personName?: (id: string) => string | undefined;
  /** On a case's own page the link to the case is left out. */
  showCaseLink?: boolean;
}

/** Audit entries, newest first, one card each: when (WIB), who, what in words, about what, why,
 * and what changed. */
export function AuditEntryList({ entries, personName, showCaseLink = true }: AuditEntryListProps) {
  const { t } = useTranslation();
  return (
    <ol className="work-list audit-list" aria-label={t('audit.listLabel')}>
      {entries.map((entry) => (
        <AuditEntryCard key={entry.id} entry={entry} personName={personName} showCaseLink={showCaseLink} />
      ))}
    </ol>
  );
}

function AuditEntryCard({ entry: e, personName, showCaseLink }: { entry: AuditEntryView } & Omit<AuditEntryListProps, 'entries'>) {
  const { t, i18n } = useTranslation();
  const changes = auditChanges(e.before, e.after);
  // A stage reads in words (Usulan → Survei), as everywhere else in the product.
  const shown = (key: string, value: string) => ((key === 'stage' || key === 'resumeStage') && (STAGES as readonly string[]).includes(value) ? t(`stages.${value}`) : value);
  const subjectName = e.subjectType === 'user' && e.subjectId ? personName?.(e.subjectId) : undefined;
  // A changed value's name in words (`data.budget.csr.0.amount` → "Jumlah (Rp)"); an id is not shown
  // to people (the case is a link, a person a name), other subjects (a list, a program) are.
  const keyLabel = (key: string) => {
    const name = key.split('.').filter((part) => part && !/^\d+$/.test(part)).pop();
    return name ? t(`fields.${name}`, { defaultValue: key }) : key;
  };
  const subjectText = subjectName ?? (e.subjectId && !UUID.test(e.subjectId) ? e.subjectId : undefined);
  return (
    <li className="work-card audit-entry" data-testid="audit-entry" data-action={e.action}>
      <p className="work-card__title">{t(`auditActions.${e.action}`, { defaultValue: e.action })}</p>
      <p className="work-card__meta">
        <time dateTime={e.at}>{formatDateTimeWib(e.at, i18n.language)}</time> ·{' '}
        <span data-testid="audit-actor">{e.actor ? t('audit.by', { name: e.actor.name }) : t('audit.system')}</span>
      </p>
      {e.subjectType && (
        <p className="audit-entry__subject">
          {t(`audit.subjects.${e.subjectType}`, { defaultValue: e.subjectType })}
          {subjectText && `: ${subjectText}`}
          {e.caseId && showCaseLink && (
            <>
              {' '}
              · <Link to={`/cases/${e.caseId}`}>{t('audit.openCase')}</Link>
            </>
          )}
        </p>
      )}
      {e.reason && (
        <p className="audit-entry__reason">
          <strong>{t('audit.reason')}:</strong> {e.reason}
        </p>
      )}
      {changes.length > 0 && (
        <dl className="audit-changes">
          {changes.map((c) => (
            <div key={c.key} className="audit-changes__item">
              {c.key && <dt>{keyLabel(c.key)}</dt>}
              <dd>
                {c.before !== undefined && <del>{shown(c.key, c.before)}</del>}
                {c.before !== undefined && c.after !== undefined && ' → '}
                {c.after !== undefined && <ins>{shown(c.key, c.after)}</ins>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {(e.sourceIp || e.requestId) && (
        <p className="work-card__meta audit-entry__source">{t('audit.source', { ip: e.sourceIp ?? t('audit.none'), request: e.requestId ?? t('audit.none') })}</p>
      )}
    </li>
  );
}
