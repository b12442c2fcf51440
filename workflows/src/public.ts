// What other packages may import from workflows/ (the workflow bundle entry is index.ts).
export * from './messages';
export * from './case-state';
export * from './search-attributes';
export type * from './activity-contract';
export * from './visit-messages';
export * from './case-obligations-messages';
export * from './reconciler-messages';
export * from './mail-messages';
export * from './household-import-messages';
export * from './duplicate-detection-messages';
