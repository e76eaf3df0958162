import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Company } from './entities/company.entity';
import { Registration } from './entities/registration.entity';
import { RegistrationOwnerPolicy } from './policies/registration-owner.policy';
import { RegistrationAccessService } from './registration-access.service';

/** Owns companies, registrations and their workflow, invitations, the directory, badges, check-in and visa letters. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Company, Registration])],
  providers: [RegistrationAccessService, RegistrationOwnerPolicy],
  exports: [RegistrationAccessService, RegistrationOwnerPolicy, TypeOrmModule],
})
export class RegistrationsModule {}
