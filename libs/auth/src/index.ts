export * from './auth.module';
export * from './dev-issuer';
export * from './dev-issuer.host';
export * from './dev-realm';
export * from './dev-tokens.service';
export * from './token-verifier';
export * from './trusted-issuers';
