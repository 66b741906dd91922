import { Global, Module } from '@nestjs/common';
import { DevTokensService } from './dev-tokens.service';
import { TokenService } from './token.service';

@Global()
@Module({
  providers: [TokenService, DevTokensService],
  exports: [TokenService, DevTokensService],
})
export class AuthModule {}
