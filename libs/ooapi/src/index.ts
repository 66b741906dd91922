export * from './ooapi-validator';
export * from './spec';
