import { ApiClient as HttpClient } from '@kampung/tools/client/api-client';
import { env } from './env';

export { proposal, uniqueName, type ApiResponse } from '@kampung/tools/client/api-client';

/** The API client of tools/client, pointed at the stack `npm test` started (APP_URL). */
export class ApiClient extends HttpClient {
  constructor(baseUrl: string = env.appUrl) {
    super(baseUrl);
  }

  static override async signedIn(credentials: { email: string; password: string }, baseUrl: string = env.appUrl): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    await client.signIn(credentials);
    return client;
  }
}
