import { useTranslation } from 'react-i18next';
import { ObjectFields, type SchemaFieldProps } from './SchemaFields';
import { initialValue, type FormObject, type FormValue } from './json-schema';

/** A repeater for a list of objects (e.g. CSR sponsors): one group per row, add and remove rows. */
export function ArrayField({ schema, value, onChange, path, errors, idPrefix, label }: SchemaFieldProps & { label: string }) {
  const { t } = useTranslation();
  const rows = (Array.isArray(value) ? value : []) as FormObject[];
  const item = schema.items ?? {};
  const full = schema.maxItems !== undefined && rows.length >= schema.maxItems;
  const setRow = (index: number, row: FormValue) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <fieldset className="fieldset repeater">
      <legend>{label}</legend>
      {errors[path] && <p className="field__error">{errors[path]}</p>}
      {rows.length === 0 && <p className="field__hint">{t('form.noRows')}</p>}
      {rows.map((row, index) => (
        <fieldset key={index} className="repeater__row">
          <legend>{t('form.row', { label, index: index + 1 })}</legend>
          <ObjectFields
            schema={item}
            value={row}
            onChange={(next) => setRow(index, next)}
            path={`${path}.${index}`}
            errors={errors}
            idPrefix={idPrefix}
          />
          <button
            type="button"
            className="button button--quiet"
            aria-label={t('form.removeRow', { label, index: index + 1 })}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            {t('form.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" disabled={full} onClick={() => onChange([...rows, initialValue(item)])}>
        {t('form.addRow', { label })}
      </button>
    </fieldset>
  );
}
