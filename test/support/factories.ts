import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
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
