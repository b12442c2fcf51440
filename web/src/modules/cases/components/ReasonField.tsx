import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field';

interface ReasonFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  required: boolean;
  error?: string;
}

/** Why a move is made; required for backward moves, rejections, withdrawals and holds. */
export function ReasonField({ id, value, onChange, required, error }: ReasonFieldProps) {
  const { t } = useTranslation();
  return (
    <Field
      id={id}
      label={t('case.reason')}
      required={required}
      hint={required ? t('case.reasonRequired') : t('case.reasonOptional')}
      error={error}
    >
      {(control) => <textarea {...control} rows={3} maxLength={2000} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
