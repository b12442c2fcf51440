import { useTranslation } from 'react-i18next';

interface UnmaskControlProps {
  unmasked: boolean;
  /** The unmasked read is on its way. */
  pending: boolean;
  onChange: (unmask: boolean) => void;
}

/** "Tampilkan NIK" for the roles that may see NIK and KK whole: explains that each such read is
 * recorded in the audit log under the reader's name; once shown, "Sembunyikan NIK" masks them again. */
export function UnmaskControl({ unmasked, pending, onChange }: UnmaskControlProps) {
  const { t } = useTranslation();
  return (
    <div className="unmask" data-testid="unmask">
      {unmasked ? (
        <>
          <p className="alert alert--warning" role="status">
            {t('household.unmasked')}
          </p>
          <button type="button" className="button button--secondary" onClick={() => onChange(false)}>
            {t('household.mask')}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="button button--secondary" aria-describedby="unmask-hint" disabled={pending} onClick={() => onChange(true)}>
            {pending ? t('app.loading') : t('household.unmask')}
          </button>
          <p id="unmask-hint" className="field__hint">
            {t('household.unmaskHint')}
          </p>
        </>
      )}
    </div>
  );
}
