import type { TFunction } from 'i18next';
import type { UserAccount } from '@kampung/domain/accounts';

type Scope = Pick<UserAccount, 'programCodes' | 'kecamatanCodes' | 'agencyCode'>;

/** An account's reach in words: "Semua program dan kecamatan", or its programs and kecamatan (by
 * name once known), and its agency. */
export function scopeInWords(scope: Scope, kecamatanName: (code: string) => string | undefined, t: TFunction): string {
  const parts: string[] = [];
  if (scope.programCodes.length === 0 && scope.kecamatanCodes.length === 0) {
    parts.push(t('users.scope.all'));
  } else {
    parts.push(
      scope.programCodes.length > 0
        ? scope.programCodes.map((code) => t(`programs.${code}`, { defaultValue: code })).join(', ')
        : t('users.scope.allPrograms'),
    );
    parts.push(
      scope.kecamatanCodes.length > 0
        ? t('users.scope.kecamatan', { names: scope.kecamatanCodes.map((code) => kecamatanName(code) ?? code).join(', ') })
        : t('users.scope.allKecamatan'),
    );
  }
  if (scope.agencyCode) parts.push(t('users.scope.agency', { code: scope.agencyCode }));
  return parts.join(' · ');
}
