/** Where the throwaway stack started by `npm test` lives (see test/run.ts). */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through \`npm test\``);
  return value;
}

export const env = {
  get appUrl() { return required('APP_URL'); },
  get databaseUrl() { return required('DATABASE_URL'); },
  get temporalAddress() { return required('TEMPORAL_ADDRESS'); },
  get namespace() { return process.env.TEMPORAL_NAMESPACE ?? 'default'; },
  get taskQueue() { return process.env.TEMPORAL_TASK_QUEUE ?? 'kampung-cases'; },
  get temporalCli() { return required('TEMPORAL_CLI'); },
  admin: () => ({ email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') }),
  viewer: () => ({ email: required('E2E_VIEWER_EMAIL'), password: required('E2E_VIEWER_PASSWORD') }),
  officer: () => ({ email: required('E2E_OFFICER_EMAIL'), password: required('E2E_OFFICER_PASSWORD') }),
};
