import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthUser, toAuthUser, User } from '@roundtable/auth';
import { newId } from '@roundtable/common';
import { Company, Registration } from '@roundtable/registrations';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { createCompanyRow, insertRegistrationRow } from './domain-factories';
import { uniqueEmail } from './factories';

/**
 * The service tier (`*.service.spec.ts`, `npm run test:service`): the api's
 * whole module graph against this run's real MySQL and Redis, initialised
 * without an HTTP server, so a spec calls services directly.
 */
export async function createServiceContext(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register({ allInOne: false })] }).compile();
  await moduleRef.init();
  return moduleRef;
}

/** The row factories of test/support take an app; they only use `get`, which a context has too. */
export const asApp = (context: INestApplicationContext): INestApplication => context as INestApplication;

/** A confirmed account, written straight to its table (this tier has no HTTP to sign up through). */
export async function createUserRow(
  context: INestApplicationContext,
  overrides: Partial<User> = {},
): Promise<AuthUser & { token: string; password: string }> {
  const repo = context.get(DataSource).getRepository(User);
  const user = repo.create({
    id: newId(),
    email: uniqueEmail(),
    emailVerifiedAt: new Date(),
    passwordHash: 'not-a-hash',
    tokenVersion: 0,
    name: 'Service Tier',
    locale: 'en',
    timeZone: 'Asia/Shanghai',
    platformRole: null,
    ...overrides,
  });
  await repo.insert(user);
  return { ...toAuthUser(user), token: '', password: '' };
}

/** An approved delegate: account, company and registration rows. */
export async function createDelegateRow(
  context: INestApplicationContext,
  event: { id: string },
  registration: Partial<Registration> = {},
): Promise<{ user: AuthUser; company: Company; registration: Registration }> {
  const user = await createUserRow(context);
  const company = await createCompanyRow(asApp(context));
  const row = await insertRegistrationRow(asApp(context), event.id, user.id, company.id, registration);
  return { user, company, registration: row };
}
