import { redactQuery, redactUrl } from './redact';

describe('redactUrl', () => {
  it('hides the calendar feed token and keeps the rest of the url', () => {
    expect(redactUrl('/me/calendar.ics?token=abcDEF123&x=1')).toBe('/me/calendar.ics?token=[redacted]&x=1');
  });

  it('hides invitation, verification and reset tokens whatever their case or escaping', () => {
    expect(redactUrl('/events/e1/registrations?invitationToken=s3cret')).toBe(
      '/events/e1/registrations?invitationToken=[redacted]',
    );
    expect(redactUrl('/auth/verify?verification%5FToken=s3cret&a=b')).toBe(
      '/auth/verify?verification%5FToken=[redacted]&a=b',
    );
    expect(redactUrl('/auth/reset?RESET_TOKEN=s3cret')).toBe('/auth/reset?RESET_TOKEN=[redacted]');
  });

  it('leaves urls without secrets alone', () => {
    expect(redactUrl('/events?limit=5&cursor=abc')).toBe('/events?limit=5&cursor=abc');
    expect(redactUrl('/health')).toBe('/health');
  });
});

describe('redactQuery', () => {
  it('replaces secret values in the parsed query', () => {
    expect(redactQuery({ token: 'abc', limit: '5', resetToken: ['a', 'b'] })).toEqual({
      token: '[redacted]',
      limit: '5',
      resetToken: '[redacted]',
    });
  });
});
