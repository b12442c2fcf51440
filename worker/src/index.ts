export { createActivities } from './activities';
export { createCaseWorker } from './worker';
export { ensureSearchAttributes, SEARCH_ATTRIBUTES } from './search-attributes';
