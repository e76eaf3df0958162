import { Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { BadgesService } from './badges.service';
import { DelegateLookupService } from './delegate-lookup.service';
import { DelegateProfilesService } from './delegate-profiles.service';
import { DirectoryIndexService } from './directory-index.service';
import { DirectoryService } from './directory.service';
import { Company } from './entities/company.entity';
import { Invitation } from './entities/invitation.entity';
import { Registration } from './entities/registration.entity';
import { VisaRequest } from './entities/visa-request.entity';
import { InvitationsService } from './invitations.service';
import { RegistrationOwnerPolicy } from './policies/registration-owner.policy';
import { RegistrationAccessService } from './registration-access.service';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';
import { REGISTRATION_TEMPLATES } from './templates/registration-templates';
import { VisaService } from './visa.service';

/** Owns companies, registrations and their workflow, invitations, the directory, badges, check-in and visa letters. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Company, Registration, Invitation, VisaRequest])],
  controllers: [RegistrationsController],
  providers: [
    RegistrationAccessService,
    RegistrationOwnerPolicy,
    RegistrationsService,
    InvitationsService,
    DirectoryService,
    DirectoryIndexService,
    DelegateProfilesService,
    DelegateLookupService,
    BadgesService,
    VisaService,
  ],
  exports: [
    RegistrationAccessService,
    RegistrationOwnerPolicy,
    RegistrationsService,
    BadgesService,
    DelegateProfilesService,
    DirectoryIndexService,
    DelegateLookupService,
  ],
})
export class RegistrationsModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(...REGISTRATION_TEMPLATES);
  }
}
