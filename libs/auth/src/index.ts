export * from './auth.module';
export * from './dev-tokens.service';
export * from './token.service';
