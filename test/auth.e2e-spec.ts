import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, http } from './support/app';
import { bearer, createUser, uniqueEmail } from './support/factories';

describe('auth', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => app.close());

  it('signs a user up, logs them in and shows them to themselves, unconfirmed', async () => {
    const email = uniqueEmail('li.wei');
    const signup = await http(app)
      .post('/auth/signup')
      .send({ email, password: 'a long password', name: '李伟 Li Wei', locale: 'zh', timeZone: 'Asia/Shanghai' })
      .expect(202);
    expect(signup.body).toEqual({ message: expect.any(String) });

    const login = await http(app).post('/auth/login').send({ email, password: 'a long password' }).expect(200);
    expect(login.body.user).not.toHaveProperty('passwordHash');
    const me = await http(app)
      .get('/me')
      .set(...bearer({ token: login.body.accessToken }))
      .expect(200);
    expect(me.body).toEqual({
      id: expect.any(String),
      email,
      emailVerified: false,
      name: '李伟 Li Wei',
      locale: 'zh',
      timeZone: 'Asia/Shanghai',
      platformRole: null,
    });
  });

  it('treats email addresses case-insensitively', async () => {
    const email = uniqueEmail('case');
    await createUser(app, { email });
    await http(app)
      .post('/auth/signup')
      .send({ email: email.toUpperCase(), password: 'another password', name: 'Twin' })
      .expect(202);
    await http(app)
      .post('/auth/login')
      .send({ email: email.toUpperCase(), password: 'correct horse battery' })
      .expect(200);
    await http(app).post('/auth/login').send({ email: email.toUpperCase(), password: 'another password' }).expect(401);
  });

  it.each([
    ['a missing email', { password: 'long enough pw', name: 'X' }, 'email'],
    ['a malformed email', { email: 'not-an-email', password: 'long enough pw', name: 'X' }, 'email'],
    ['a short password', { email: uniqueEmail(), password: 'short', name: 'X' }, 'password'],
    ['an object for the name', { email: uniqueEmail(), password: 'long enough pw', name: { $gt: '' } }, 'name'],
    ['a name with a line break', { email: uniqueEmail(), password: 'long enough pw', name: 'A\r\nBcc: x@y.z' }, 'name'],
    ['an unknown locale', { email: uniqueEmail(), password: 'long enough pw', name: 'X', locale: 'fr' }, 'locale'],
    [
      'an offset instead of a zone',
      { email: uniqueEmail(), password: 'long enough pw', name: 'X', timeZone: 'UTC+25' },
      'timeZone',
    ],
    [
      'a zone on Mars',
      { email: uniqueEmail(), password: 'long enough pw', name: 'X', timeZone: 'Mars/Phobos' },
      'timeZone',
    ],
    ['an unknown field', { email: uniqueEmail(), password: 'long enough pw', name: 'X', isAdmin: true }, 'isAdmin'],
  ])('refuses sign-up with %s, naming the field', async (_label, body, field) => {
    const res = await http(app).post('/auth/signup').send(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.message)).toContain(field);
  });

  it('refuses malformed JSON and oversized bodies with 4xx, not 500', async () => {
    const bad = await http(app)
      .post('/auth/signup')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    // where the JSON breaks, as the parser says it
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Unexpected end of JSON input' });
    const big = await http(app)
      .post('/auth/signup')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'x@y.z', name: 'x'.repeat(400_000) }))
      .expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('says nothing about which of email or password was wrong', async () => {
    const user = await createUser(app);
    const wrongPassword = await http(app)
      .post('/auth/login')
      .send({ email: user.email, password: 'wrong password' })
      .expect(401);
    const unknownEmail = await http(app)
      .post('/auth/login')
      .send({ email: uniqueEmail(), password: 'wrong password' })
      .expect(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses an address after too many attempts on one e-mail, even with the right password, but not other e-mails', async () => {
    const user = await createUser(app);
    const other = await createUser(app);
    for (let i = 0; i < 3; i++) {
      await http(app).post('/auth/login').send({ email: user.email, password: 'wrong password' }).expect(401);
    }
    const locked = await http(app).post('/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await http(app).post('/auth/login').send({ email: other.email, password: other.password }).expect(200);
  });

  it('evaluates at most the limit of 60 parallel wrong attempts for one e-mail', async () => {
    const user = await createUser(app);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        http(app)
          .post('/auth/login')
          .send({ email: user.email, password: `wrong password ${i}` }),
      ),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(57);
  });

  it('does not believe X-Forwarded-For unless TRUST_PROXY says so', async () => {
    const user = await createUser(app);
    for (let i = 0; i < 3; i++) {
      await http(app)
        .post('/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email: user.email, password: 'wrong password' })
        .expect(401);
    }
    await http(app)
      .post('/auth/login')
      .set('X-Forwarded-For', '198.51.100.9')
      .send({ email: user.email, password: user.password })
      .expect(429);
  });

  describe('behind a trusted proxy', () => {
    let proxied: INestApplication;
    const from = (address: string) => ['X-Forwarded-For', address] as const;

    beforeAll(async () => {
      proxied = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3', TRUST_PROXY: 'loopback' } });
    });
    afterAll(() => proxied.close());

    it('lets the owner in from their own address while a stranger hammers their e-mail from another', async () => {
      const owner = await createUser(proxied);
      const attack = Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          http(proxied)
            .post('/auth/login')
            .set(...from('203.0.113.66'))
            .send({ email: owner.email, password: `guess ${i}` }),
        ),
      );
      const ownLogin = await http(proxied)
        .post('/auth/login')
        .set(...from('198.51.100.20'))
        .send({ email: owner.email, password: owner.password });
      const statuses = (await attack).map((res) => res.status);
      expect(ownLogin.status).toBe(200);
      expect(statuses.filter((status) => status === 401)).toHaveLength(3);
      // and after the attack, still
      await http(proxied)
        .post('/auth/login')
        .set(...from('198.51.100.21'))
        .send({ email: owner.email, password: owner.password })
        .expect(200);
    });

    it('evaluates at most ten times the limit for one e-mail across many addresses', async () => {
      const owner = await createUser(proxied);
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, address) =>
          Promise.all(
            Array.from({ length: 4 }, (_, i) =>
              http(proxied)
                .post('/auth/login')
                .set(...from(`203.0.113.${address + 100}`))
                .send({ email: owner.email, password: `guess ${i}` }),
            ),
          ),
        ),
      );
      const statuses = answers.flat().map((res) => res.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(30);
      expect(statuses.filter((status) => status === 429)).toHaveLength(18);
    });
  });

  it('counts failed logins in Redis, so a second api process sees the same limit', async () => {
    const second = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const user = await createUser(app);
      await http(app).post('/auth/login').send({ email: user.email, password: 'wrong one 1' }).expect(401);
      await http(second).post('/auth/login').send({ email: user.email, password: 'wrong one 2' }).expect(401);
      await http(app).post('/auth/login').send({ email: user.email, password: 'wrong one 3' }).expect(401);
      await http(second).post('/auth/login').send({ email: user.email, password: user.password }).expect(429);
    } finally {
      await second.close();
    }
  });

  describe('GET /me', () => {
    it('refuses a request without a token', async () => {
      const res = await http(app).get('/me').expect(401);
      expect(res.body.code).toBe('INVALID_TOKEN');
    });

    it('refuses a token signed with another secret', async () => {
      const user = await createUser(app);
      const forged = new JwtService({ secret: 'somebody-elses-secret-value' }).sign({ sub: user.id, ver: 0 });
      await http(app).get('/me').set('Authorization', `Bearer ${forged}`).expect(401);
    });

    it('refuses an unsigned token (alg none)', async () => {
      const user = await createUser(app);
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ sub: user.id })).toString('base64url');
      await http(app).get('/me').set('Authorization', `Bearer ${header}.${payload}.`).expect(401);
    });

    it('refuses an expired token and says it expired', async () => {
      const user = await createUser(app);
      const expired = new JwtService({ secret: process.env.JWT_SECRET }).sign(
        { sub: user.id, ver: 1, iat: Math.floor(Date.now() / 1000) - 7200 },
        { expiresIn: 60 },
      );
      const res = await http(app).get('/me').set('Authorization', `Bearer ${expired}`).expect(401);
      expect(res.body.message).toMatch(/expired/);
    });

    it('refuses a token whose user no longer exists', async () => {
      const token = new JwtService({ secret: process.env.JWT_SECRET }).sign({ sub: 'no-such-user', ver: 0 });
      await http(app).get('/me').set('Authorization', `Bearer ${token}`).expect(401);
    });

    it('refuses a malformed authorization header', async () => {
      await http(app).get('/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    });
  });
});
