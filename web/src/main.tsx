import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import './i18n';
import './styles.css';
import { AppLayout } from './pages/AppLayout';
import {
  AuditPage,
  CaseListPage,
  CasePage,
  DashboardPage,
  DuplicatesPage,
  HouseholdImportPage,
  HouseholdPage,
  HouseholdsPage,
  InboxPage,
  InvitationPage,
  NewProposalPage,
  ObligationListPage,
  PasswordPage,
  PoliciesPage,
  RedReportsPage,
  UsersPage,
  WorklistPage,
  WorklistsPage,
} from './pages/lazy';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteError } from './pages/RouteError';
import { createQueryClient } from './query-client';

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <CaseListPage /> },
      { path: 'cases/new', element: <NewProposalPage /> },
      { path: 'cases/:id', element: <CasePage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'obligations', element: <ObligationListPage /> },
      { path: 'worklist', element: <WorklistPage /> },
      { path: 'worklists', element: <WorklistsPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'red-reports', element: <RedReportsPage /> },
      { path: 'policies', element: <PoliciesPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'households', element: <HouseholdsPage /> },
      { path: 'households/import', element: <HouseholdImportPage /> },
      { path: 'households/:id', element: <HouseholdPage /> },
      { path: 'duplicates', element: <DuplicatesPage /> },
      { path: 'account/password', element: <PasswordPage /> },
      { path: 'invitation', element: <InvitationPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
