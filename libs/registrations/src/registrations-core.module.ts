import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthCoreModule } from '@roundtable/auth';
import { EventsCoreModule } from '@roundtable/events';
import { BadgesService } from './badges.service';
import { DelegateLookupService } from './delegate-lookup.service';
import { DelegateProfilesService } from './delegate-profiles.service';
import { DirectoryIndexService } from './directory-index.service';
import { CheckIn } from './entities/check-in.entity';
import { Company } from './entities/company.entity';
import { Invitation } from './entities/invitation.entity';
import { Registration } from './entities/registration.entity';
import { VisaRequest } from './entities/visa-request.entity';
import { RegistrationOwnerPolicy } from './policies/registration-owner.policy';
import { RegistrationAccessService } from './registration-access.service';
import { RegistrationsMailModule } from './registrations-mail.module';
import { RegistrationsService } from './registrations.service';
import { SiteVisitSignup } from './entities/site-visit-signup.entity';
import { SiteVisitsService } from './site-visits.service';

/** Registrations, companies and delegates as other libs (and the worker) use them: no controller. */
@Module({
  imports: [
    AuthCoreModule,
    EventsCoreModule,
    RegistrationsMailModule,
    TypeOrmModule.forFeature([CheckIn, Company, Registration, Invitation, VisaRequest, SiteVisitSignup]),
  ],
  providers: [
    RegistrationAccessService,
    RegistrationOwnerPolicy,
    RegistrationsService,
    DirectoryIndexService,
    DelegateProfilesService,
    DelegateLookupService,
    BadgesService,
    SiteVisitsService,
  ],
  exports: [
    RegistrationAccessService,
    RegistrationOwnerPolicy,
    RegistrationsService,
    DirectoryIndexService,
    DelegateProfilesService,
    DelegateLookupService,
    BadgesService,
    SiteVisitsService,
  ],
})
export class RegistrationsCoreModule {}
