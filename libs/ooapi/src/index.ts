export * from './ooapi-client';
export * from './ooapi-errors';
export * from './ooapi-messages';
export * from './ooapi-validator';
export * from './spec';
