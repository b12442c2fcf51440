import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/validation';
import { ArrayField } from './ArrayField';
import { PrimitiveInput } from './PrimitiveInput';
import { Field } from '../Field';
import { isObjectSchema, isRepeater, type FormObject, type FormValue, type JsonSchema } from './json-schema';

export interface SchemaFieldProps {
  name: string;
  schema: JsonSchema;
  value: FormValue;
  onChange: (value: FormValue) => void;
  /** Dotted path as the API reports it, e.g. `data.budget.apbd`; also the base of the input id. */
  path: string;
  required: boolean;
  errors: FieldErrors;
  idPrefix: string;
}

interface ObjectFieldsProps extends Omit<SchemaFieldProps, 'name' | 'required' | 'value' | 'onChange'> {
  value: FormObject;
  onChange: (value: FormObject) => void;
}

/** Every property of an object schema, in schema order. */
export function ObjectFields({ schema, value, onChange, path, errors, idPrefix }: ObjectFieldsProps) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, child]) => (
        <SchemaField
          key={name}
          name={name}
          schema={child}
          value={value[name] ?? ''}
          onChange={(next) => onChange({ ...value, [name]: next })}
          path={path ? `${path}.${name}` : name}
          required={required.has(name)}
          errors={errors}
          idPrefix={idPrefix}
        />
      ))}
    </>
  );
}

/** One property: a group for objects, a repeater for lists of objects, else a labelled input. */
export function SchemaField(props: SchemaFieldProps) {
  const { t } = useTranslation();
  const { name, schema, value, onChange, path, required, errors, idPrefix } = props;
  const label = t(`fields.${name}`, { defaultValue: name });
  if (isObjectSchema(schema)) {
    const object = typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <fieldset className="fieldset">
        <legend>{label}</legend>
        {errors[path] && <p className="field__error">{errors[path]}</p>}
        <ObjectFields schema={schema} value={object} onChange={onChange} path={path} errors={errors} idPrefix={idPrefix} />
      </fieldset>
    );
  }
  if (isRepeater(schema)) return <ArrayField {...props} label={label} />;
  return (
    <Field id={`${idPrefix}${path}`} label={label} required={required} error={errors[path]}>
      {(control) => (
        <PrimitiveInput
          name={name}
          schema={schema}
          control={control}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
