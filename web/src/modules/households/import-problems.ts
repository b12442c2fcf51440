import type { TFunction } from 'i18next';

/** The importer's per-row messages (domain/src/household-import.ts and the import service, in
 * English), each with its key in `householdImport.problemTexts` and what it carries along. */
const KNOWN: [RegExp, string][] = [
  [/^required$/, 'required'],
  [/^must be a date \(YYYY-MM-DD, DD-MM-YYYY or DD\/MM\/YYYY\)$/, 'date'],
  [/^must not be in the future$/, 'future'],
  [/^must be after 1900$/, 'before1900'],
  [/^must be 16 digits$/, 'sixteenDigits'],
  [/^must be 1-3 digits, not 0$/, 'rtRw'],
  [/^at most (\d+) characters$/, 'tooLong'],
  [/^must be L, P, LAKI-LAKI or PEREMPUAN$/, 'sex'],
  [/^unknown relation$/, 'relation'],
  [/^must be like 33\.74\.08\.1005$/, 'kelurahanFormat'],
  [/^must be a whole number 1-10$/, 'decile'],
  [/^must be DTKS, DTSEN, P3KE or LAINNYA$/, 'source'],
  [/^unknown kelurahan code$/, 'kelurahanUnknown'],
  [/^the file has no rows$/, 'empty'],
  [/^the same NIK as line (\d+)$/, 'sameNik'],
  [/^differs between rows of one KK: (.*)$/, 'differs'],
  [/^the KK has no KEPALA_KELUARGA$/, 'noHead'],
  [/^the KK has (\d+) KEPALA_KELUARGA$/, 'severalHeads'],
];

/** A problem of the import report in the reader's language; a message not known here as it came. */
export function importProblemText(message: string, t: TFunction): string {
  for (const [pattern, key] of KNOWN) {
    const match = pattern.exec(message);
    if (match) return t(`householdImport.problemTexts.${key}`, { value: match[1] ?? '' });
  }
  return message;
}
