import { useTranslation } from 'react-i18next';
import type { ControlProps } from '../Field';
import { enumLabel } from '../DataList';
import { isNumeric, type JsonSchema } from './json-schema';

interface PrimitiveInputProps {
  name: string;
  schema: JsonSchema;
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
}

/** enum → select; integer/number → number input; date → date input; long text → textarea; else text. */
export function PrimitiveInput({ name, schema, control, value, onChange }: PrimitiveInputProps) {
  const { t, i18n } = useTranslation();
  if (schema.enum) {
    const labels = i18n.getResource(i18n.language, 'translation', `enums.${name}`);
    return (
      <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('form.choose')}</option>
        {schema.enum.map((option) => (
          <option key={option} value={String(option)}>
            {enumLabel(labels, String(option))}
          </option>
        ))}
      </select>
    );
  }
  if (isNumeric(schema)) {
    const integer = schema.type === 'integer';
    return (
      <input
        {...control}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        step={integer ? 1 : 'any'}
        min={schema.minimum}
        max={schema.maximum}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (schema.type === 'string' && schema.format === 'date') {
    return <input {...control} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
  }
  const long = (schema.maxLength ?? 0) > 200 || schema.type === 'array';
  if (long) {
    return <textarea {...control} rows={4} maxLength={schema.maxLength} value={value} onChange={(e) => onChange(e.target.value)} />;
  }
  return <input {...control} type="text" maxLength={schema.maxLength} value={value} onChange={(e) => onChange(e.target.value)} />;
}
