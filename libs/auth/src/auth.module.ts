import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { DevTokensService } from './dev-tokens.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [TokenService, DevTokensService],
  exports: [TokenService, DevTokensService],
})
export class AuthModule {}
