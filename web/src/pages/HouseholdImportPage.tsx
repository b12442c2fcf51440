import { may } from '@kampung/domain/access';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../modules/auth/hooks/useAuth';
import { ImportForm } from '../modules/households/components/ImportForm';
import { ImportList } from '../modules/households/components/ImportList';
import { ImportStatus } from '../modules/households/components/ImportStatus';

/** "Impor data rumah tangga" at `/households/import`, for staff: upload a registry list, follow
 * its progress, and read the result (or, when refused, what to correct); the import shown is in
 * the URL (`?import=`), so it survives a reload. The recent imports are listed below. */
export function HouseholdImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const importId = params.get('import') ?? undefined;
  return (
    <>
      <p>
        <Link to="/households">← {t('household.back')}</Link>
      </p>
      <title>{`${t('householdImport.heading')} · ${t('app.title')}`}</title>
      <h1>{t('householdImport.heading')}</h1>
      {may(me.role, 'household.import') ? (
        <>
          <p className="muted">{t('householdImport.intro')}</p>
          <ImportForm onStarted={(view) => setParams({ import: view.id })} />
          {importId && <ImportStatus key={importId} importId={importId} />}
          <ImportList currentId={importId} />
        </>
      ) : (
        <p className="alert alert--error" role="alert">
          {t('householdImport.forbidden')}
        </p>
      )}
    </>
  );
}
