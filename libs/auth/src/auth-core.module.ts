import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@roundtable/config';
import { AuthMailModule } from './auth-mail.module';
import { AuthService } from './auth.service';
import { AccountToken } from './entities/account-token.entity';
import { User } from './entities/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { PlatformAdminPolicy } from './policies/access-policy';
import { UserLookupService } from './user-lookup.service';

/** What other libs use of accounts (tokens, the user lookup, the admin policy), without the HTTP side. */
@Module({
  imports: [
    AuthMailModule,
    TypeOrmModule.forFeature([User, AccountToken]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const secret: string = config.get('auth.jwtSecret', { infer: true });
        return {
          // A key object, not the string: given a string, jsonwebtoken first tries to parse it as a
          // PEM public key on every verify (and throws), a visible share of each authenticated request.
          secret: createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer,
          signOptions: { algorithm: 'HS256' as const },
        };
      },
    }),
  ],
  providers: [AuthService, LoginRateLimiter, PlatformAdminPolicy, UserLookupService],
  exports: [AuthService, LoginRateLimiter, PlatformAdminPolicy, UserLookupService],
})
export class AuthCoreModule {}
