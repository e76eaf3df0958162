export { Company } from './entities/company.entity';
export type { CompanySize } from './entities/company.entity';
export { Registration } from './entities/registration.entity';
export type { AvailabilityWindow, RegistrationRole, RegistrationStatus } from './entities/registration.entity';
export { RegistrationOwnerPolicy } from './policies/registration-owner.policy';
export { RegistrationAccessService } from './registration-access.service';
export { RegistrationError, RegistrationErrorCode } from './registration-error';
export { RegistrationsModule } from './registrations.module';
