import { lazy } from 'react';
import { loadPageTexts } from '../i18n';

/** A page's code, with the page texts (fetched at the same time, once). */
const page = <T>(load: () => Promise<T>) => Promise.all([load(), loadPageTexts()]).then(([module]) => module);

// Each page loads on first visit, keeping the first download small.
export const InvitationPage = lazy(() => page(() => import('./InvitationPage')).then((m) => ({ default: m.InvitationPage })));
const loadLoginPage = () => import('./LoginPage');
export const LoginPage = lazy(() => page(loadLoginPage).then((m) => ({ default: m.LoginPage })));
const loadCaseListPage = () => import('./CaseListPage');
export const CaseListPage = lazy(() => page(loadCaseListPage).then((m) => ({ default: m.CaseListPage })));
export const NewProposalPage = lazy(() => page(() => import('./NewProposalPage')).then((m) => ({ default: m.NewProposalPage })));
export const CasePage = lazy(() => page(() => import('./CasePage')).then((m) => ({ default: m.CasePage })));
const loadWorklistPage = () => import('./WorklistPage');
export const WorklistPage = lazy(() => page(loadWorklistPage).then((m) => ({ default: m.WorklistPage })));
export const InboxPage = lazy(() => page(() => import('./InboxPage')).then((m) => ({ default: m.InboxPage })));
export const RedReportsPage = lazy(() => page(() => import('./RedReportsPage')).then((m) => ({ default: m.RedReportsPage })));
export const PoliciesPage = lazy(() => page(() => import('./PoliciesPage')).then((m) => ({ default: m.PoliciesPage })));
export const DashboardPage = lazy(() => page(() => import('./DashboardPage')).then((m) => ({ default: m.DashboardPage })));
export const ObligationListPage = lazy(() => page(() => import('./ObligationListPage')).then((m) => ({ default: m.ObligationListPage })));
export const WorklistsPage = lazy(() => page(() => import('./WorklistsPage')).then((m) => ({ default: m.WorklistsPage })));
export const UsersPage = lazy(() => page(() => import('./UsersPage')).then((m) => ({ default: m.UsersPage })));
export const AuditPage = lazy(() => page(() => import('./AuditPage')).then((m) => ({ default: m.AuditPage })));
export const PasswordPage = lazy(() => page(() => import('./PasswordPage')).then((m) => ({ default: m.PasswordPage })));
export const HouseholdsPage = lazy(() => page(() => import('./HouseholdsPage')).then((m) => ({ default: m.HouseholdsPage })));
export const HouseholdPage = lazy(() => page(() => import('./HouseholdPage')).then((m) => ({ default: m.HouseholdPage })));
export const HouseholdImportPage = lazy(() => page(() => import('./HouseholdImportPage')).then((m) => ({ default: m.HouseholdImportPage })));
export const DuplicatesPage = lazy(() => page(() => import('./DuplicatesPage')).then((m) => ({ default: m.DuplicatesPage })));

/** The pages a load most often starts on (the mentor's is the worklist). */
const FIRST_PAGES: Record<string, () => Promise<unknown>> = { '/worklist': loadWorklistPage, '/': loadCaseListPage };

/**
 * Fetches the page a load starts on, with the page texts, beside the session instead of after it
 * (on a slow link each step is a round trip): the sign-in form for someone signed out, else the
 * page of the address. The lazy page then finds them loaded.
 */
export function preloadFirstPage(pathname: string, signedIn: boolean): void {
  if (pathname === '/invitation') return;
  const load = signedIn ? FIRST_PAGES[pathname] : loadLoginPage;
  if (load) void page(load).catch(() => undefined);
}
