import { lazy } from 'react';

// Each page loads on first visit, keeping the first download small.
export const InvitationPage = lazy(() => import('./InvitationPage').then((m) => ({ default: m.InvitationPage })));
export const LoginPage = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));
export const CaseListPage = lazy(() => import('./CaseListPage').then((m) => ({ default: m.CaseListPage })));
export const NewProposalPage = lazy(() => import('./NewProposalPage').then((m) => ({ default: m.NewProposalPage })));
export const CasePage = lazy(() => import('./CasePage').then((m) => ({ default: m.CasePage })));
export const WorklistPage = lazy(() => import('./WorklistPage').then((m) => ({ default: m.WorklistPage })));
export const InboxPage = lazy(() => import('./InboxPage').then((m) => ({ default: m.InboxPage })));
export const RedReportsPage = lazy(() => import('./RedReportsPage').then((m) => ({ default: m.RedReportsPage })));
export const PoliciesPage = lazy(() => import('./PoliciesPage').then((m) => ({ default: m.PoliciesPage })));
export const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));
export const ObligationListPage = lazy(() => import('./ObligationListPage').then((m) => ({ default: m.ObligationListPage })));
export const WorklistsPage = lazy(() => import('./WorklistsPage').then((m) => ({ default: m.WorklistsPage })));
export const UsersPage = lazy(() => import('./UsersPage').then((m) => ({ default: m.UsersPage })));
export const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));
export const PasswordPage = lazy(() => import('./PasswordPage').then((m) => ({ default: m.PasswordPage })));
export const HouseholdsPage = lazy(() => import('./HouseholdsPage').then((m) => ({ default: m.HouseholdsPage })));
export const HouseholdPage = lazy(() => import('./HouseholdPage').then((m) => ({ default: m.HouseholdPage })));
export const HouseholdImportPage = lazy(() => import('./HouseholdImportPage').then((m) => ({ default: m.HouseholdImportPage })));
export const DuplicatesPage = lazy(() => import('./DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })));
