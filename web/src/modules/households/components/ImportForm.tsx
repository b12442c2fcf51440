import { IMPORT_COLUMNS } from '@kampung/domain/household-import';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { HouseholdImportView } from '../api/households.api';
import { useStartImport } from '../hooks/useStartImport';
import { IMPORT_ACCEPT, importExtension } from '../import-file';

/** "Unggah berkas": a registry list (.csv or .xlsx, one row per member), the columns it needs
 * explained; once uploaded, the import is checked and written in the background. */
export function ImportForm({ onStarted }: { onStarted: (view: HouseholdImportView) => void }) {
  const { t } = useTranslation();
  const prefix = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const upload = useStartImport();

  function submit(event: FormEvent) {
    event.preventDefault();
    upload.reset();
    const extension = file ? importExtension(file.name) : undefined;
    if (!file || !extension) {
      setError(file ? t('householdImport.wrongType') : t('householdImport.chooseFile'));
      return;
    }
    setError(undefined);
    upload.mutate(
      { file, extension },
      {
        onSuccess: (view) => {
          setFile(null);
          if (input.current) input.current.value = '';
          onStarted(view);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t('householdImport.uploadHeading')}</h2>
      <p>{t('householdImport.explain')}</p>
      <details className="folded import-columns">
        <summary>{t('householdImport.columnsShow')}</summary>
        <p className="muted">{t('householdImport.columnsIntro')}</p>
        <dl className="import-columns__list" data-testid="import-columns">
          {IMPORT_COLUMNS.map((c) => (
            <div key={c.column} className="import-columns__item">
              <dt>
                <code>{c.column}</code> <span className="muted">({c.required ? t('householdImport.required') : t('householdImport.optional')})</span>
              </dt>
              <dd>{t(`householdImport.columns.${c.column}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <form className="form import-form" onSubmit={submit} noValidate aria-label={t('householdImport.uploadHeading')}>
        <ProblemAlert error={upload.error} />
        <Field id={`${prefix}-file`} label={t('householdImport.file')} required hint={t('householdImport.fileHint')} error={error}>
          {(control) => (
            <input
              {...control}
              ref={input}
              type="file"
              accept={IMPORT_ACCEPT}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(undefined);
                upload.reset();
              }}
            />
          )}
        </Field>
        <FormActions pending={upload.isPending} submitLabel={t('householdImport.upload')} pendingLabel={t('householdImport.uploading')} />
      </form>
    </section>
  );
}
