import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, isDateOnly } from '../lib/format';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The translated label of an enum value (`enums.<field>.<VALUE>`), or the value itself. */
export function enumLabel(labels: unknown, value: string): string {
  const label = isRecord(labels) ? labels[value] : undefined;
  return typeof label === 'string' ? label : value;
}

/** Stage data as a readable definition list, labelled by `fields.<name>` (nested data nests). */
export function DataList({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(data as Record<string, Json>);
  if (entries.length === 0) return null;
  return (
    <dl className="data-list">
      {entries.map(([key, value]) => (
        <div key={key} className="data-list__item">
          <dt>{t(`fields.${key}`, { defaultValue: key })}</dt>
          <dd>
            <DataValue name={key} value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function DataValue({ name, value }: { name: string; value: Json }) {
  const { i18n } = useTranslation();
  if (value === null || value === '') return <>—</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>;
    return (
      <ol className="data-list__rows">
        {value.map((item, index) => (
          <li key={index}>{isRecord(item) ? <DataList data={item} /> : <DataValue name={name} value={item} />}</li>
        ))}
      </ol>
    );
  }
  if (isRecord(value)) return <DataList data={value} />;
  if (typeof value === 'number') return <>{formatNumber(value, i18n.language)}</>;
  if (typeof value === 'boolean') return <>{String(value)}</>;
  if (isDateOnly(value)) return <time dateTime={value}>{formatDate(value, i18n.language)}</time>;
  return <span className="data-list__text">{enumLabel(i18n.getResource(i18n.language, 'translation', `enums.${name}`), value)}</span>;
}
