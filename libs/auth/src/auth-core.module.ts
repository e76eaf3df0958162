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
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        secret: config.get('auth.jwtSecret', { infer: true }),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [AuthService, LoginRateLimiter, PlatformAdminPolicy, UserLookupService],
  exports: [AuthService, LoginRateLimiter, PlatformAdminPolicy, UserLookupService],
})
export class AuthCoreModule {}
