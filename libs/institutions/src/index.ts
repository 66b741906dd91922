export * from './institution.definition';
export * from './institution.registry';
export * from './institutions.module';
export * from './institution-seeder';
export * from './registered-institutions';
export * from './student-information-system';
export * from './sign-in';
