import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@roundtable/auth';
import { AppConfig } from '@roundtable/config';
import { buildIcs, calendarUid } from '@roundtable/notifications';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CalendarFeed } from './entities';
import { MeetingError, MeetingErrorCode } from './meeting-error';
import { MyMeetingsService } from './my-meetings.service';

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Personal calendar feeds: a secret URL a calendar app subscribes to; rotating or deleting it revokes the old one. */
@Injectable()
export class CalendarService {
  private readonly baseUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MyMeetingsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  /** A new token (any previous one stops working); only its hash is stored. */
  async issue(user: AuthUser): Promise<{ url: string; token: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.dataSource.getRepository(CalendarFeed).save({ userId: user.id, tokenHash: hash(token) });
    return { token, url: `${this.baseUrl}/me/calendar.ics?token=${token}` };
  }

  /** Whether the person has a working calendar link (its URL cannot be shown again: only a hash is kept). */
  async isActive(user: AuthUser): Promise<boolean> {
    return this.dataSource.getRepository(CalendarFeed).existsBy({ userId: user.id });
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.dataSource.getRepository(CalendarFeed).delete({ userId: user.id });
  }

  async feed(token: string): Promise<string> {
    const feed = token ? await this.dataSource.getRepository(CalendarFeed).findOneBy({ tokenHash: hash(token) }) : null;
    if (!feed)
      throw new MeetingError(
        MeetingErrorCode.CalendarTokenInvalid,
        'This calendar link is not valid (revoked or mistyped)',
      );
    const mine = await this.meetings.myMeetings(feed.userId);
    return buildIcs(
      mine.map(({ meeting, event, other }) => ({
        uid: calendarUid('meeting', meeting.id),
        sequence: meeting.sequence,
        method: 'PUBLISH' as const,
        start: meeting.startsAt,
        end: meeting.endsAt,
        timeZone: event.timeZone,
        summary: `${event.name}: ${other.name}${other.companyName ? ` (${other.companyName})` : ''}`,
        location: `Table ${meeting.tableNo}`,
      })),
      { method: 'PUBLISH', name: 'Roundtable meetings' },
    );
  }
}
