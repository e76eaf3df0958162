import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@roundtable/config';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { User } from './entities/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { PlatformAdminPolicy } from './policies/access-policy';

/** Owns users, passwords, tokens and the global guard that applies access policies. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
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
    LoginRateLimiter,
    AdminBootstrapService,
    PlatformAdminPolicy,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, TypeOrmModule],
})
export class AuthModule {}
