import { Global, Module } from '@nestjs/common';
import { DevIssuerHost } from './dev-issuer.host';
import { DevTokensService } from './dev-tokens.service';
import { SignInSettings } from './sign-in-settings';
import { TokenVerifier } from './token-verifier';

/** Sign-in: validating the institutions' tokens, and the development issuer that stands in for them locally. */
@Global()
@Module({
  providers: [TokenVerifier, DevIssuerHost, DevTokensService, SignInSettings],
  exports: [TokenVerifier, DevIssuerHost, DevTokensService, SignInSettings],
})
export class AuthModule {}
