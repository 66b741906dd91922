import { Global, Module } from '@nestjs/common';
import { DevIssuerHost } from './dev-issuer.host';
import { DevTokensService } from './dev-tokens.service';
import { MachineTokenVerifier } from './machine-token-verifier';
import { SignInSettings } from './sign-in-settings';
import { TokenVerifier } from './token-verifier';

/** Sign-in: validating the institutions' tokens (their people's and their systems'), and the development issuer that stands in for them locally. */
@Global()
@Module({
  providers: [TokenVerifier, MachineTokenVerifier, DevIssuerHost, DevTokensService, SignInSettings],
  exports: [TokenVerifier, MachineTokenVerifier, DevIssuerHost, DevTokensService, SignInSettings],
})
export class AuthModule {}
