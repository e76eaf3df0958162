import { INestApplication } from '@nestjs/common';
import { OutboxMessageEntity } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { bearer, createUser } from './support/factories';

/** PATCH /me: a person sets their own name, language and home time zone, and nothing else. */
describe('account settings', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('changes the language and time zone, which the next mail to the account then uses', async () => {
    const user = await createUser(app, { locale: 'en', timeZone: 'Asia/Shanghai' });
    const response = await http(app)
      .patch('/me')
      .set(...bearer(user))
      .send({ locale: 'ru', timeZone: 'Europe/Moscow' })
      .expect(200);
    expect(response.body).toMatchObject({ id: user.id, email: user.email, locale: 'ru', timeZone: 'Europe/Moscow' });
    expect(response.body).not.toHaveProperty('passwordHash');

    const me = await http(app)
      .get('/me')
      .set(...bearer(user))
      .expect(200);
    expect(me.body).toMatchObject({ locale: 'ru', timeZone: 'Europe/Moscow', name: user.name });

    await http(app).post('/auth/forgot-password').send({ email: user.email }).expect(202);
    const [mail] = await app
      .get(DataSource)
      .getRepository(OutboxMessageEntity)
      .find({ where: { recipientEmail: user.email, type: 'account-reset-password' }, take: 1 });
    expect(mail).toMatchObject({ recipientLocale: 'ru', recipientTimeZone: 'Europe/Moscow' });
  });

  it('changes only what is sent', async () => {
    const user = await createUser(app, { locale: 'zh', timeZone: 'Asia/Shanghai' });
    const response = await http(app)
      .patch('/me')
      .set(...bearer(user))
      .send({ name: 'Li Wei 李伟' })
      .expect(200);
    expect(response.body).toMatchObject({ name: 'Li Wei 李伟', locale: 'zh', timeZone: 'Asia/Shanghai' });
  });

  it('refuses a visitor who is not signed in', async () => {
    const response = await http(app).patch('/me').send({ locale: 'ru' }).expect(401);
    expect(response.body.code).toBe('INVALID_TOKEN');
  });

  it.each([
    ['an unknown language', { locale: 'de' }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['an empty name', { name: '' }],
    ['a new e-mail address', { email: 'someone.else@example.test' }],
    ['a platform role', { platformRole: 'admin' }],
  ])('refuses %s and changes nothing', async (_label, body) => {
    const user = await createUser(app, { locale: 'en', timeZone: 'Asia/Shanghai' });
    const response = await http(app)
      .patch('/me')
      .set(...bearer(user))
      .send({ locale: 'ru', ...body })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const me = await http(app)
      .get('/me')
      .set(...bearer(user))
      .expect(200);
    expect(me.body).toMatchObject({ email: user.email, locale: 'en', timeZone: 'Asia/Shanghai', platformRole: null });
  });
});
