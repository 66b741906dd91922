export * from './actor';
export * from './component-state';
export * from './credits';
export * from './errors';
export * from './grading';
export * from './route';
export * from './clock';
export * from './notification-rules';
