import type { CaseDetail, CaseProposalInput, Stage } from '@kampung/domain';

export interface ApiResponse<T = any> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/** A signed-in (or anonymous) HTTP client for a running API, keeping its session cookie: the
 * benchmarks' and the tests' (test/integration/support/api-client.ts points it at the test stack). */
export class ApiClient {
  /** The cookies the API set: the session and its CSRF token. */
  private readonly cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  static async signedIn(credentials: { email: string; password: string }, baseUrl: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    await client.signIn(credentials);
    return client;
  }

  async signIn(credentials: { email: string; password: string }): Promise<void> {
    const res = await this.post('/api/auth/login', credentials);
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const csrf = this.cookies.get('kampung_csrf');
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        // Writes echo the CSRF token, as the web app does.
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = pair!.split('=');
      const cleared = /expires=Thu, 01 Jan 1970/i.test(setCookie);
      if (cleared) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }
  /** The CSRF token writes echo, for requests made with fetch directly. */
  csrfToken(): string {
    return this.cookies.get('kampung_csrf') ?? '';
  }
  /** For requests made with fetch directly (downloads). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body); }

  async propose(overrides: Partial<CaseProposalInput> = {}): Promise<CaseDetail> {
    const res = await this.post<CaseDetail>('/api/cases', proposal(overrides));
    if (res.status !== 201) throw new Error(`proposal failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async move(id: string, to: Stage, extra: { reason?: string; data?: Record<string, unknown> } = {}) {
    return this.post<CaseDetail & Record<string, any>>(`/api/cases/${id}/transitions`, { to, ...extra });
  }
}

let counter = 0;
export function uniqueName(prefix = 'Kampung Uji'): string {
  counter += 1;
  return `${prefix} ${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export function proposal(overrides: Partial<CaseProposalInput> = {}): CaseProposalInput {
  return {
    name: uniqueName(),
    theme: 'Kerajinan tas rajut',
    programCode: 'KAMPUNG_TEMATIK',
    kelurahanCode: '33.74.08.1005',
    rw: '3',
    profile: { households: 200, poorHouseholds: 50, potentials: ['Tas rajut'], problems: ['Pemasaran'] },
    proposer: { name: 'Sri Wahyuni Pengusul', organisation: 'LPMK Karanganyar Gunung' },
    ...overrides,
  };
}
