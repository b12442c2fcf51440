/**
 * Who the benchmark acts as: the stack's demo logins (one per role, E2E_<ROLE>_EMAIL and
 * E2E_<ROLE>_PASSWORD), each signed in once, when first needed. Each step goes to a role the
 * access rules of domain/src/access.ts allow it to (PERMISSIONS, TRANSITION_POLICY,
 * ASSIGNMENT_HOLDERS), never to a role named here: when the rules change, the bench follows.
 */
import {
  ASSIGNMENT_HOLDERS,
  may,
  ROLE_REACH,
  TRANSITION_POLICY,
  transitionRule,
  USER_ROLES,
  type Action,
  type AssignmentRole,
  type Stage,
  type UserRole,
} from '@kampung/domain';
import { ApiClient } from '../client/api-client';

export class BenchPeople {
  private readonly clients = new Map<UserRole, Promise<ApiClient>>();
  /** Where the API answers. */
  readonly appUrl: string;

  /** `env`: the stack's environment (its APP_URL and demo logins). */
  constructor(private readonly env: Record<string, string | undefined>) {
    if (!env.APP_URL) throw new Error('APP_URL is not set');
    this.appUrl = env.APP_URL;
  }

  private hasLogin(role: UserRole): boolean {
    return Boolean(this.env[`E2E_${role}_EMAIL`] && this.env[`E2E_${role}_PASSWORD`]);
  }

  /** Roles that see every case: the bench's cases have no team, so no one is assigned to them. */
  private reachingAll(roles: readonly UserRole[]): UserRole[] {
    return roles.filter((role) => ROLE_REACH[role] === 'REGION' && this.hasLogin(role));
  }

  /** The demo login of a role, signed in. */
  async as(role: UserRole): Promise<ApiClient> {
    let client = this.clients.get(role);
    if (!client) {
      client = this.signIn(role);
      this.clients.set(role, client);
    }
    return client;
  }

  private async signIn(role: UserRole): Promise<ApiClient> {
    const email = this.env[`E2E_${role}_EMAIL`];
    const password = this.env[`E2E_${role}_PASSWORD`];
    if (!email || !password) throw new Error(`no demo login for ${role} (E2E_${role}_EMAIL, E2E_${role}_PASSWORD)`);
    const client = new ApiClient(this.appUrl);
    const res = await client.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`sign-in as ${role}: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  }

  /** Someone who may take the action (the first such role of USER_ROLES). */
  async allowedTo(action: Action): Promise<ApiClient> {
    const [role] = this.reachingAll(USER_ROLES.filter((r) => may(r, action)));
    if (!role) throw new Error(`no demo login may ${action}`);
    return this.as(role);
  }

  /** Someone who may make the move (the first role TRANSITION_POLICY names for it). */
  async mover(from: Stage, to: Stage): Promise<ApiClient> {
    const [role] = this.reachingAll(TRANSITION_POLICY[transitionRule(from, to)]);
    if (!role) throw new Error(`no demo login may move a case from ${from} to ${to}`);
    return this.as(role);
  }

  /** Someone who may hold the position on a kampung's team, and their user id. */
  async holder(position: AssignmentRole): Promise<{ api: ApiClient; id: string }> {
    const role = ASSIGNMENT_HOLDERS[position].find((r) => this.hasLogin(r));
    if (!role) throw new Error(`no demo login may hold the ${position} position`);
    const api = await this.as(role);
    const me = await api.get<{ id: string }>('/api/me');
    if (me.status !== 200) throw new Error(`GET /api/me as ${role}: ${me.status}`);
    return { api, id: me.body.id };
  }
}
