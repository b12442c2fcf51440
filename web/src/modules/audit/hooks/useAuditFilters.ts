import { AUDIT_ACTIONS, type AuditAction } from '@kampung/domain/audit';
import { z } from '@kampung/domain/zod';
import { useSearchParams } from 'react-router-dom';
import { useUrlFilters } from '../../../lib/useUrlFilters';
import type { AuditFilters } from '../audit-filters';

type FilterName = keyof AuditFilters;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isAction = (value: string | undefined): value is AuditAction => AUDIT_ACTIONS.includes(value as AuditAction);
const date = (value: string | undefined) => (value && DATE.test(value) ? value : undefined);
const uuid = (value: string | undefined) => (value && z.uuid().safeParse(value).success ? value : undefined);

/** The audit page's filters and page live in the URL, so a filtered log can be bookmarked and shared;
 * values the API would refuse (an unknown action, a malformed date or id) are ignored. */
export function useAuditFilters() {
  const { params, read, setFilters, clear } = useUrlFilters<FilterName>();
  const [, setParams] = useSearchParams();
  const action = read('action');
  const filters: AuditFilters = {
    action: isAction(action) ? action : undefined,
    actor: uuid(read('actor')),
    case: uuid(read('case')),
    from: date(read('from')),
    to: date(read('to')),
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  // A new filter starts again at page 1 (setFilters drops the page).
  function setPage(next: number) {
    setParams((current) => {
      const changed = new URLSearchParams(current);
      if (next > 1) changed.set('page', String(next));
      else changed.delete('page');
      return changed;
    });
  }
  return { filters, page, setFilters, setPage, clear };
}
