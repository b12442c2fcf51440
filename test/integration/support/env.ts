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
  /** The demo login of a role (one per role). */
  login: (role: string) => ({ email: required(`E2E_${role}_EMAIL`), password: required(`E2E_${role}_PASSWORD`) }),
  admin: () => env.login('ADMIN'),
  officer: () => env.login('OFFICER'),
  manager: () => env.login('MANAGER'),
  /** Reads everything, changes nothing. */
  auditor: () => env.login('AUDITOR'),
  mentor: () => env.login('MENTOR'),
};
