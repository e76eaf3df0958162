// Every migration, in order. Listed explicitly (not globbed) so the compiled
// app and the tests load exactly the same set.
import { CreateUsers1764032400000 } from './1764032400000-create-users';
import { CreateEvents1764033000000 } from './1764033000000-create-events';
import { CreateRegistrations1764034000000 } from './1764034000000-create-registrations';
import { CreateOutbox1764040000000 } from './1764040000000-create-outbox';
import { CreateAgenda1764050000000 } from './1764050000000-create-agenda';
import { CreateInvitationsAndVisas1764060000000 } from './1764060000000-create-invitations-and-visas';
import { CreateMeetings1764070000000 } from './1764070000000-create-meetings';
import { CreateAgreementLedger1764080000000 } from './1764080000000-create-agreement-ledger';
import { AddEmailVerification1765100000000 } from './1765100000000-add-email-verification';
import { CreateOrganiserInvitations1765101000000 } from './1765101000000-create-organiser-invitations';
import { AddEventTrustAndInvitationQuotaIndex1765200000000 } from './1765200000000-add-event-trust-and-invitation-quota-index';
import { InvitationLateRegistration1765300100000 } from './1765300100000-invitation-late-registration';
import { CreateRecommendations1765500000000 } from './1765500000000-create-recommendations';
import { AddMeetingRequestProposer1765500100000 } from './1765500100000-add-meeting-request-proposer';
import { CreateMeetingSlotLocks1765600000000 } from './1765600000000-create-meeting-slot-locks';
import { CreateAgreementLedgerChecks1765710000000 } from './1765710000000-create-agreement-ledger-checks';
import { CreateDirectoryIndex1765720000000 } from './1765720000000-create-directory-index';
import { LedgerWithoutEventRowLocks1765730000000 } from './1765730000000-ledger-without-event-row-locks';
import { CreateSiteVisits1765750000000 } from './1765750000000-create-site-visits';
import { MeetingRequestPreferredSlot1765760000000 } from './1765760000000-meeting-request-preferred-slot';
import { OrganiserRegistrations1765810000000 } from './1765810000000-organiser-registrations';
import { CreateCheckIns1765820000000 } from './1765820000000-create-check-ins';
import { MeetingsSlotIndex1765840000000 } from './1765840000000-meetings-slot-index';

export const MIGRATIONS = [
  CreateUsers1764032400000,
  CreateEvents1764033000000,
  CreateRegistrations1764034000000,
  CreateOutbox1764040000000,
  CreateAgenda1764050000000,
  CreateInvitationsAndVisas1764060000000,
  CreateMeetings1764070000000,
  CreateAgreementLedger1764080000000,
  AddEmailVerification1765100000000,
  CreateOrganiserInvitations1765101000000,
  AddEventTrustAndInvitationQuotaIndex1765200000000,
  InvitationLateRegistration1765300100000,
  CreateRecommendations1765500000000,
  AddMeetingRequestProposer1765500100000,
  CreateMeetingSlotLocks1765600000000,
  CreateAgreementLedgerChecks1765710000000,
  CreateDirectoryIndex1765720000000,
  LedgerWithoutEventRowLocks1765730000000,
  CreateSiteVisits1765750000000,
  MeetingRequestPreferredSlot1765760000000,
  OrganiserRegistrations1765810000000,
  CreateCheckIns1765820000000,
  MeetingsSlotIndex1765840000000,
];
