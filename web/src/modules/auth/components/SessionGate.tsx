import type { ReactNode } from 'react';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { Loading } from '../../../ui/Loading';
import { useSession } from '../hooks/useAuth';

/** Shows `children` to a signed-in user and `signIn` to everyone else, at any URL. */
export function SessionGate({ children, signIn }: { children: ReactNode; signIn: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Loading />;
  // The session the device kept stays shown when asking the server again fails (no signal).
  if (session.data) return children;
  if (session.error) return <ProblemAlert error={session.error} />;
  return signIn;
}
