import { may } from '@kampung/domain/access';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../modules/auth/hooks/useAuth';
import { ProposalForm } from '../modules/cases/components/ProposalForm';

export function NewProposalPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <title>{`${t('proposal.heading')} · ${t('app.title')}`}</title>
      <p>
        <Link to="/">← {t('app.backToList')}</Link>
      </p>
      <h1>{t('proposal.heading')}</h1>
      {may(me.role, 'case.propose') ? (
        <ProposalForm />
      ) : (
        <p className="alert alert--error" role="alert">
          {t('errors.FORBIDDEN')}
        </p>
      )}
    </>
  );
}
