import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthCoreModule } from './auth-core.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { User } from './entities/user.entity';

/**
 * The api's side of accounts: sign-up, login, confirmation and reset
 * (controller), the global guard that applies access policies, and the
 * platform admin created from the environment. Other libs import
 * AuthCoreModule instead.
 */
@Module({
  imports: [AuthCoreModule, TypeOrmModule.forFeature([User])],
  controllers: [AuthController],
  providers: [AccountsService, AdminBootstrapService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthCoreModule],
})
export class AuthModule {}
