export * from './connection';
export * from './schema';
export * from './migrate';
export * from './reference-data';
export * as casesRepository from './cases.repository';
export * as transitionRequestsRepository from './transition-requests.repository';
export * as usersRepository from './users.repository';
export * as sessionsRepository from './sessions.repository';
export * as regionsRepository from './regions.repository';
