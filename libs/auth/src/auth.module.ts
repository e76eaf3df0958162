import { Global, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@roundtable/config';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { AccountsService } from './accounts.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AccountToken } from './entities/account-token.entity';
import { User } from './entities/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { PlatformAdminPolicy } from './policies/access-policy';
import { UserLookupService } from './user-lookup.service';
import { ACCOUNT_TEMPLATES } from './templates/account-templates';

/** Owns users, passwords, account tokens (confirmation, reset), sessions and the global guard that applies access policies. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, AccountToken]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        secret: config.get('auth.jwtSecret', { infer: true }),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccountsService,
    LoginRateLimiter,
    AdminBootstrapService,
    PlatformAdminPolicy,
    UserLookupService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UserLookupService],
})
export class AuthModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(...ACCOUNT_TEMPLATES);
  }
}
