import { may } from '@kampung/domain/access';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../modules/auth/hooks/useAuth';
import { ProgramPolicyPanel } from '../modules/policies/components/ProgramPolicyPanel';
import { referenceQueries } from '../modules/reference/api/reference.queries';
import { ProgramOptions } from '../modules/reference/components/ProgramOptions';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Kebijakan program": each program's rules for case obligations, with their versions. Everyone
 * signed in may read them; admins change them (every change is a new version). */
export function PoliciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const programs = useQuery(referenceQueries.programs());
  const programCode = params.get('program') ?? programs.data?.[0]?.code ?? '';
  return (
    <>
      <title>{`${t('policies.heading')} · ${t('app.title')}`}</title>
      <h1>{t('policies.heading')}</h1>
      <p className="muted">{t('policies.intro')}</p>
      <div className="field policy-picker">
        <label htmlFor="policy-program">{t('fields.programCode')}</label>
        <select
          id="policy-program"
          value={programCode}
          disabled={!programs.data}
          onChange={(e) => setParams({ program: e.target.value }, { replace: true })}
        >
          <ProgramOptions programs={programs.data ?? []} />
        </select>
      </div>
      {programs.isPending && <Loading />}
      <ProblemAlert error={programs.error} />
      {programCode && <ProgramPolicyPanel key={programCode} programCode={programCode} canEdit={may(me.role, 'policy.edit')} />}
    </>
  );
}
