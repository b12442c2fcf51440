import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../lib/format';

/** A policy duration as written and in words: "P14D — 14 hari". */
export function DurationText({ value }: { value: string }) {
  const { t, i18n } = useTranslation();
  const words = formatDuration(value, t, i18n.language);
  return (
    <span className="duration">
      <code className="duration__iso">{value}</code>
      {words && <> — {words}</>}
    </span>
  );
}
