import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@roundtable/auth';
import { EventsCoreModule } from '@roundtable/events';
import { CheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';
import { DirectoryService } from './directory.service';
import { InvitationsService } from './invitations.service';
import { RegistrationsCoreModule } from './registrations-core.module';
import { RegistrationsExportService } from './registrations-export.service';
import { RegistrationsController } from './registrations.controller';
import { SiteVisitsController } from './site-visits.controller';
import { VisaService } from './visa.service';

/** The registrations API: the workflow, invitations, the directory, badges, check-in, visa letters, the CSV export. */
@Module({
  imports: [AuthCoreModule, EventsCoreModule, RegistrationsCoreModule],
  controllers: [RegistrationsController, SiteVisitsController, CheckInsController],
  providers: [CheckInsService, RegistrationsExportService, InvitationsService, DirectoryService, VisaService],
  exports: [RegistrationsCoreModule],
})
export class RegistrationsModule {}
