/** A signed-in session against an API of one's own (base URL given), every request bounded and timed:
 * a hung API fails a test (or a benchmark) with a message instead of hanging it, and each answer
 * says how long it took (the outage tests and the outage benchmark read it). */
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  /** How long the answer took. */
  ms: number;
}

export class HttpSession {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string, private readonly timeoutMs = 20_000) {}

  static async signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<HttpSession> {
    const session = new HttpSession(baseUrl);
    const res = await session.request('POST', '/api/auth/login', credentials);
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return session;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const csrf = this.cookies.get('kampung_csrf');
    const started = Date.now();
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = pair!.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(setCookie)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, headers: res.headers, body: parsed as T, ms: Date.now() - started };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
}
