import { createHash } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { bearer, createUser, mailedToken, uniqueEmail } from './support/factories';
import { CapturedMail, mailType, SmtpSink } from './support/smtp-sink';

/**
 * Accounts from the attacker's side: nothing reveals which addresses have
 * accounts, an address counts only once its mailbox's owner confirmed it,
 * every mailed link works once and not for long, and a reset or a password
 * change ends every session.
 */
describe('accounts', () => {
  let sink: SmtpSink;
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    app = await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://forum.example.org' } });
    ds = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  /** The mails to `email` (of `type`, when given) once there are `count` of them, or whatever came within 20 s. */
  async function mailsTo(email: string, count: number, type?: string): Promise<CapturedMail[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const mails = sink.mails.filter((m) => m.envelopeTo.includes(email) && (!type || mailType(m) === type));
      if (mails.length >= count || Date.now() > deadline) return mails;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const signup = (email: string, password = 'a long password', extra: object = {}) =>
    http(app)
      .post('/auth/signup')
      .send({ email, password, name: 'Someone', ...extra });

  describe('sign-up', () => {
    it('answers a taken address exactly as a new one, keeps the owner’s password and mails the owner instead', async () => {
      const owner = await createUser(app);
      const fresh = uniqueEmail('fresh');
      const forTaken = await signup(owner.email, 'the attackers password');
      const forNew = await signup(fresh);
      expect(forTaken.status).toBe(202);
      expect(forTaken.status).toBe(forNew.status);
      expect(forTaken.body).toEqual(forNew.body);
      expect(Object.keys(forTaken.headers).sort()).toEqual(Object.keys(forNew.headers).sort());

      await http(app).post('/auth/login').send({ email: owner.email, password: 'the attackers password' }).expect(401);
      await http(app).post('/auth/login').send({ email: owner.email, password: owner.password }).expect(200);

      const [toOwner] = await mailsTo(owner.email, 1, 'account-exists');
      expect(toOwner.parsed.subject).toBe('You already have a Roundtable account');
      expect(toOwner.parsed.text).toContain('https://forum.example.org/app/forgot-password');
      const [toNew] = await mailsTo(fresh, 1);
      expect(mailType(toNew)).toBe('account-verify-email');
    });

    it.each([
      ['zh', '请确认您的电子邮箱'],
      ['ru', 'Подтвердите адрес электронной почты'],
      ['en', 'Confirm your e-mail address'],
    ])('mails a %s confirmation link to the web app, storing only a hash of its token', async (locale, subject) => {
      const email = uniqueEmail(`confirm-${locale}`);
      await signup(email, 'a long password', { locale }).expect(202);
      const [mail] = await mailsTo(email, 1);
      expect(mail.parsed.subject).toBe(subject);
      const link = /https:\/\/forum\.example\.org\/app\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(
        mail.parsed.text ?? '',
      );
      expect(link).not.toBeNull();
      const token = link![1];
      const [row] = await ds.query<{ token_hash: string }[]>(
        `SELECT t.token_hash FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ?`,
        [email],
      );
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);
    });

    it('limits account mails to one address, whether or not it has an account', async () => {
      const owner = await createUser(app); // one mail already
      const nobody = uniqueEmail('nobody');
      const ownerAnswers: number[] = [];
      const nobodyAnswers: number[] = [];
      for (let i = 0; i < 5; i++) {
        ownerAnswers.push((await http(app).post('/auth/forgot-password').send({ email: owner.email })).status);
        nobodyAnswers.push((await http(app).post('/auth/forgot-password').send({ email: nobody })).status);
      }
      nobodyAnswers.push((await http(app).post('/auth/forgot-password').send({ email: nobody })).status);
      expect(ownerAnswers).toEqual([202, 202, 202, 202, 429]);
      expect(nobodyAnswers).toEqual([202, 202, 202, 202, 202, 429]);
      const limited = await signup(owner.email).expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('confirming the address', () => {
    it('works once: the link is then 410, a made-up one 400, an expired one 410', async () => {
      const email = uniqueEmail('once');
      await signup(email).expect(202);
      const token = await mailedToken(app, email, 'account-verify-email');
      const first = await http(app).post('/auth/verify-email').send({ token }).expect(200);
      expect(first.body.user).toMatchObject({ email, emailVerified: true });
      const again = await http(app).post('/auth/verify-email').send({ token }).expect(410);
      expect(again.body.code).toBe('LINK_USED');
      const madeUp = await http(app)
        .post('/auth/verify-email')
        .send({ token: 'x'.repeat(43) })
        .expect(400);
      expect(madeUp.body.code).toBe('LINK_INVALID');

      const late = uniqueEmail('late');
      await signup(late).expect(202);
      const lateToken = await mailedToken(app, late, 'account-verify-email');
      await ds.query(
        `UPDATE account_tokens t JOIN users u ON u.id = t.user_id SET t.expires_at = NOW(3) - INTERVAL 1 SECOND WHERE u.email = ?`,
        [late],
      );
      const expired = await http(app).post('/auth/verify-email').send({ token: lateToken }).expect(410);
      expect(expired.body.code).toBe('LINK_EXPIRED');
    });

    it('gives the address to its owner, not to whoever signed up with it first', async () => {
      const victim = uniqueEmail('victim');
      await signup(victim, 'the attackers password').expect(202);
      const attacker = await http(app)
        .post('/auth/login')
        .send({ email: victim, password: 'the attackers password' })
        .expect(200);
      expect(attacker.body.user.emailVerified).toBe(false);

      // the owner signs up too (same answer), and confirms from their mailbox
      await signup(victim, 'the owners own password').expect(202);
      const ownersToken = await mailedToken(app, victim, 'account-verify-email');
      const owner = await http(app).post('/auth/verify-email').send({ token: ownersToken }).expect(200);
      expect(owner.body.user.emailVerified).toBe(true);

      await http(app)
        .get('/me')
        .set(...bearer({ token: attacker.body.accessToken }))
        .expect(401);
      await http(app).post('/auth/login').send({ email: victim, password: 'the attackers password' }).expect(401);
      await http(app).post('/auth/login').send({ email: victim, password: 'the owners own password' }).expect(200);
    });

    it('resends a link to an unconfirmed account only, and not without limit', async () => {
      const unconfirmed = await createUser(app, { verified: false });
      await http(app)
        .post('/auth/verify-email/resend')
        .set(...bearer(unconfirmed))
        .expect(202);
      const token = await mailedToken(app, unconfirmed.email, 'account-verify-email');
      for (let i = 0; i < 3; i++) {
        await http(app)
          .post('/auth/verify-email/resend')
          .set(...bearer(unconfirmed))
          .expect(202);
      }
      const limited = await http(app)
        .post('/auth/verify-email/resend')
        .set(...bearer(unconfirmed))
        .expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      // an earlier link still works: resending does not break a mail already on its way
      await http(app).post('/auth/verify-email').send({ token }).expect(200);

      const confirmed = await createUser(app);
      const before = await ds.query<unknown[]>(
        `SELECT 1 FROM account_tokens WHERE user_id = ? AND purpose = 'verify-email'`,
        [confirmed.id],
      );
      await http(app)
        .post('/auth/verify-email/resend')
        .set(...bearer(confirmed))
        .expect(202);
      const after = await ds.query<unknown[]>(
        `SELECT 1 FROM account_tokens WHERE user_id = ? AND purpose = 'verify-email'`,
        [confirmed.id],
      );
      expect(after).toHaveLength(before.length);
    });
  });

  describe('password reset', () => {
    it('answers the same for an unknown address, and mails only the account', async () => {
      const user = await createUser(app);
      const nobody = uniqueEmail('nobody');
      const known = await http(app).post('/auth/forgot-password').send({ email: user.email }).expect(202);
      const unknown = await http(app).post('/auth/forgot-password').send({ email: nobody }).expect(202);
      expect(known.body).toEqual(unknown.body);
      const [mail] = await mailsTo(user.email, 1, 'account-reset-password');
      expect(mail.parsed.text).toMatch(/https:\/\/forum\.example\.org\/app\/reset-password\?token=/);
      await new Promise((r) => setTimeout(r, 500));
      expect(sink.mails.filter((m) => m.envelopeTo.includes(nobody))).toHaveLength(0);
    });

    it('works once, for 30 minutes, only the newest link, and ends every session', async () => {
      const user = await createUser(app);
      const otherDevice = await http(app).post('/auth/login').send({ email: user.email, password: user.password });
      await http(app).post('/auth/forgot-password').send({ email: user.email }).expect(202);
      const older = await mailedToken(app, user.email, 'account-reset-password');
      await http(app).post('/auth/forgot-password').send({ email: user.email }).expect(202);
      const newest = await mailedToken(app, user.email, 'account-reset-password');
      const [{ minutes }] = await ds.query<{ minutes: number }[]>(
        `SELECT TIMESTAMPDIFF(MINUTE, created_at, expires_at) AS minutes FROM account_tokens
          WHERE user_id = ? AND purpose = 'reset-password' ORDER BY created_at DESC LIMIT 1`,
        [user.id],
      );
      expect(Number(minutes)).toBeLessThanOrEqual(30);

      const superseded = await http(app)
        .post('/auth/reset-password')
        .send({ token: older, password: 'a brand new password' })
        .expect(410);
      expect(superseded.body.code).toBe('LINK_USED');
      const reset = await http(app)
        .post('/auth/reset-password')
        .send({ token: newest, password: 'a brand new password' })
        .expect(200);
      await http(app)
        .post('/auth/reset-password')
        .send({ token: newest, password: 'yet another password' })
        .expect(410);

      for (const old of [user.token, otherDevice.body.accessToken as string]) {
        const res = await http(app)
          .get('/me')
          .set(...bearer({ token: old }))
          .expect(401);
        expect(res.body.code).toBe('INVALID_TOKEN');
      }
      await http(app)
        .get('/me')
        .set(...bearer({ token: reset.body.accessToken }))
        .expect(200);
      await http(app).post('/auth/login').send({ email: user.email, password: user.password }).expect(401);
      await http(app).post('/auth/login').send({ email: user.email, password: 'a brand new password' }).expect(200);
    });

    it('refuses a short new password, naming the field', async () => {
      const res = await http(app).post('/auth/reset-password').send({ token: 'abc', password: 'short' }).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('password');
    });
  });

  describe('password change', () => {
    it('needs the current password, and ends every other session', async () => {
      const user = await createUser(app);
      const wrong = await http(app)
        .post('/auth/change-password')
        .set(...bearer(user))
        .send({ currentPassword: 'not my password', newPassword: 'a changed password' })
        .expect(403);
      expect(wrong.body.code).toBe('WRONG_PASSWORD');
      const changed = await http(app)
        .post('/auth/change-password')
        .set(...bearer(user))
        .send({ currentPassword: user.password, newPassword: 'a changed password' })
        .expect(200);
      await http(app)
        .get('/me')
        .set(...bearer(user))
        .expect(401);
      await http(app)
        .get('/me')
        .set(...bearer({ token: changed.body.accessToken }))
        .expect(200);
      await http(app).post('/auth/login').send({ email: user.email, password: 'a changed password' }).expect(200);
    });

    it('is refused without a session', async () => {
      await http(app)
        .post('/auth/change-password')
        .send({ currentPassword: 'x', newPassword: 'a changed password' })
        .expect(401);
    });
  });

  it('costs an unknown address about as much time at login as a known one', async () => {
    const user = await createUser(app);
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      await http(app).post('/auth/login').send({ email, password: 'wrong password' }).expect(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(user.email));
      unknown.push(await time(uniqueEmail('ghost')));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // both verify an argon2 hash; without the decoy, the unknown address would answer in a few ms
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
