import { may, ROLE_REACH } from '@kampung/domain/access';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ActivitiesSection } from '../modules/activities/components/ActivitiesSection';
import { CaseAuditSection } from '../modules/audit/components/CaseAuditSection';
import { useMe } from '../modules/auth/hooks/useAuth';
import { caseQueries } from '../modules/cases/api/cases.queries';
import { CaseFullTimeline } from '../modules/cases/components/CaseFullTimeline';
import { CaseHeader } from '../modules/cases/components/CaseHeader';
import { CaseProfile } from '../modules/cases/components/CaseProfile';
import { MoveToStageForm } from '../modules/cases/components/MoveToStageForm';
import { NextSteps } from '../modules/cases/components/NextSteps';
import { StageProgress } from '../modules/cases/components/StageProgress';
import { MonitoringSection } from '../modules/monitoring/components/MonitoringSection';
import { CaseVisitAction } from '../modules/obligations/components/CaseVisitAction';
import { ObligationsSection } from '../modules/obligations/components/ObligationsSection';
import { TeamSection } from '../modules/obligations/components/TeamSection';
import { Confirmation } from '../ui/Confirmation';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const query = useQuery(caseQueries.detail(id));
  const detail = query.data;
  const justProposed = (useLocation().state as { proposed?: boolean } | null)?.proposed === true;
  return (
    <>
      <p>
        <Link to="/">← {t('app.backToList')}</Link>
      </p>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {detail && (
        <>
          <title>{`${detail.name} · ${t('app.title')}`}</title>
          {justProposed && <Confirmation>{t('proposal.created', { name: detail.name })}</Confirmation>}
          <CaseHeader detail={detail} />
          <div className="case-grid">
            <div className="case-grid__main">
              {may(me.role, 'case.transition') ? (
                <>
                  <NextSteps detail={detail} />
                  <MoveToStageForm detail={detail} />
                </>
              ) : (
                <p className="muted">{t(may(me.role, 'visit.log') ? 'case.noMovesFieldWork' : 'case.readOnly')}</p>
              )}
              {/* A mentor's or architect's own visit; staff log a member's visit from the team. */}
              {may(me.role, 'visit.log') && !may(me.role, 'case.assign') && <CaseVisitAction caseId={detail.id} onHold={detail.stage === 'ON_HOLD'} />}
              <ObligationsSection caseId={detail.id} canWrite={may(me.role, 'obligation.waive')} />
              <TeamSection caseId={detail.id} canWrite={may(me.role, 'case.assign')} onHold={detail.stage === 'ON_HOLD'} />
              <MonitoringSection detail={detail} canWrite={may(me.role, 'report.submit')} />
              {may(me.role, 'activity.read') && (
                <ActivitiesSection
                  detail={detail}
                  canManage={may(me.role, 'activity.manage')}
                  canRecord={may(me.role, 'activity.record')}
                  canOpenHouseholds={may(me.role, 'household.read')}
                  ownAgency={ROLE_REACH[me.role] === 'AGENCY' ? me.scope.agencyCode : null}
                />
              )}
              <CaseProfile detail={detail} />
              <CaseFullTimeline caseId={detail.id} />
              {may(me.role, 'case.audit') && <CaseAuditSection caseId={detail.id} />}
            </div>
            <StageProgress detail={detail} />
          </div>
        </>
      )}
    </>
  );
}
