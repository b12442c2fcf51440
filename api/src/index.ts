export { createApp, type AppDeps } from './app';
export { loadApiConfig, type ApiConfig } from './config';
// The bootstrap admin of the migrate command (tools/migrate).
export { ensureUser, type UserSeed } from './auth/users.service';
export { declaredRoutes } from './routes';
