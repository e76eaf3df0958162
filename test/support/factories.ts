import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hashPassword, User } from '@roundtable/auth';
import { newId } from '@roundtable/common';
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

/** Signs a new user up through the API and returns their token. */
export async function createUser(
  app: INestApplication,
  overrides: Partial<{ email: string; name: string; locale: string; timeZone: string; password: string }> = {},
): Promise<TestUser> {
  const body = {
    email: overrides.email ?? uniqueEmail(),
    password: overrides.password ?? 'correct horse battery',
    name: overrides.name ?? 'Test User',
    locale: overrides.locale ?? 'en',
    timeZone: overrides.timeZone ?? 'Asia/Shanghai',
  };
  const res = await http(app).post('/auth/signup').send(body).expect(201);
  return {
    id: res.body.user.id,
    email: body.email,
    name: body.name,
    token: res.body.accessToken,
    password: body.password,
  };
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
    .insert(users.map((u) => ({ ...u, passwordHash: hash, platformRole: null })));
  const jwt = app.get(JwtService);
  return Promise.all(
    users.map(async (u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      password,
      token: await jwt.signAsync({ sub: u.id }, { expiresIn: 3600 }),
    })),
  );
}
