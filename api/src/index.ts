export { createApp, type AppDeps } from './app';
export { loadApiConfig, type ApiConfig } from './config';
export { DEMO_USERS, ensureUser, type UserSeed } from './auth/users.service';
export { seedDemo } from './demo/seed-demo';
export { declaredRoutes } from './routes';
