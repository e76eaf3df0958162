import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hashPassword, User } from '@roundtable/auth';
import { newId } from '@roundtable/common';
import { OutboxMessageEntity } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { http } from './app';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  token: string;
  password: string;
}

export const uniqueEmail = (label = 'user'): string => `${label}.${randomBytes(5).toString('hex')}@example.test`;

export type UserOverrides = Partial<{
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  password: string;
  /** false: signed up and logged in, but the confirmation link never clicked. */
  verified: boolean;
}>;

/**
 * Signs a new user up through the API, as a person does: sign-up, the
 * confirmation link from the mail (read from the outbox row, which holds the
 * link until it is sent), then the session that confirming returns.
 */
export async function createUser(app: INestApplication, overrides: UserOverrides = {}): Promise<TestUser> {
  const body = {
    email: overrides.email ?? uniqueEmail(),
    password: overrides.password ?? 'correct horse battery',
    name: overrides.name ?? 'Test User',
    locale: overrides.locale ?? 'en',
    timeZone: overrides.timeZone ?? 'Asia/Shanghai',
  };
  await http(app).post('/auth/signup').send(body).expect(202);
  const session =
    overrides.verified === false
      ? await http(app).post('/auth/login').send({ email: body.email, password: body.password }).expect(200)
      : await http(app)
          .post('/auth/verify-email')
          .send({ token: await mailedToken(app, body.email, 'account-verify-email') })
          .expect(200);
  return {
    id: session.body.user.id,
    email: body.email,
    name: body.name,
    token: session.body.accessToken,
    password: body.password,
  };
}

/** The token of the latest link of this mail type (confirmation, reset, organiser invitation) mailed to this address. */
export async function mailedToken(app: INestApplication, email: string, type: string): Promise<string> {
  const [row] = await app
    .get(DataSource)
    .getRepository(OutboxMessageEntity)
    .find({ where: { recipientEmail: email.toLowerCase(), type }, order: { createdAt: 'DESC' }, take: 1 });
  if (!row) throw new Error(`no ${type} mail to ${email}`);
  return (row.payload as { token: string }).token;
}

export const bearer = (user: { token: string }): [string, string] => ['Authorization', `Bearer ${user.token}`];

/**
 * Many users at once, for tests whose subject is what they do next (200
 * registering at once, a whole forum): rows inserted directly with one shared
 * password hash and tokens signed the way the API signs them, instead of 200
 * argon2 sign-ups. Sign-up itself is covered through HTTP in auth tests.
 */
export async function createUsers(
  app: INestApplication,
  count: number,
  overrides: Partial<{ name: string; locale: string; timeZone: string }> = {},
): Promise<TestUser[]> {
  const password = 'correct horse battery';
  const hash = await hashPassword(password);
  const users = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    email: uniqueEmail(`bulk${i}`),
    name: overrides.name ?? `Delegate ${i + 1}`,
    locale: overrides.locale ?? 'en',
    timeZone: overrides.timeZone ?? 'Asia/Shanghai',
  }));
  await app
    .get(DataSource)
    .getRepository(User)
    .insert(users.map((u) => ({ ...u, passwordHash: hash, emailVerifiedAt: new Date(), platformRole: null })));
  const jwt = app.get(JwtService);
  return Promise.all(
    users.map(async (u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      password,
      token: await jwt.signAsync({ sub: u.id, ver: 0 }, { expiresIn: 3600 }),
    })),
  );
}
