import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertEmailVerified, AuthUser, hashAccountToken } from '@roundtable/auth';
import { newId } from '@roundtable/common';
import { inTransaction } from '@roundtable/database';
import { OutboxService } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { OrganiserInvitation } from './entities/organiser-invitation.entity';
import { EventError, EventErrorCode } from './event-error';
import { EventsService } from './events.service';
import { OrganiserInvitationPayload } from './templates/organiser-invitation.template';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;
/** Organiser invitations one event may send per day: a team, not a mailing list. */
const INVITATIONS_PER_EVENT_PER_DAY = 20;

/**
 * Co-organisers join by accepting an invitation mailed to their address. The
 * inviter learns nothing about the address (no account, no name, no id), and
 * only the signed-in, confirmed owner of that address can accept.
 */
@Injectable()
export class OrganiserInvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
  ) {}

  async invite(eventId: string, email: string, user: AuthUser): Promise<void> {
    assertEmailVerified(user, 'invite co-organisers');
    const address = email.trim().toLowerCase();
    await inTransaction(this.dataSource, async (em) => {
      const event = await this.events.lockOrganised(em, eventId, user);
      const [{ sent }] = await em.query<{ sent: string }[]>(
        'SELECT COUNT(*) AS sent FROM organiser_invitations WHERE event_id = ? AND created_at > NOW(3) - INTERVAL 1 DAY',
        [eventId],
      );
      if (Number(sent) >= INVITATIONS_PER_EVENT_PER_DAY) {
        throw new EventError(
          EventErrorCode.OrganiserInvitationQuota,
          `An event may send at most ${INVITATIONS_PER_EVENT_PER_DAY} organiser invitations a day`,
        );
      }
      const token = randomBytes(32).toString('base64url');
      const invitation: OrganiserInvitation = em.getRepository(OrganiserInvitation).create({
        id: newId(),
        eventId,
        email: address,
        invitedBy: user.id,
        tokenHash: hashAccountToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        acceptedAt: null,
        acceptedBy: null,
      });
      await em.getRepository(OrganiserInvitation).insert(invitation);
      await this.outbox.enqueue(em, {
        type: 'organiser-invitation',
        dedupeKey: `organiser-invitation:${invitation.id}`,
        eventId,
        eventTimeZone: event.timeZone,
        eventLocale: event.defaultLocale,
        // no account is looked up: the mail goes to the address, in the event's language
        recipient: { email: address, name: address },
        payload: {
          invitationId: invitation.id,
          eventId,
          eventName: event.name,
          inviterName: user.name,
          token,
          expiresAt: invitation.expiresAt.toISOString(),
        } satisfies OrganiserInvitationPayload,
      });
    });
  }

  /** The signed-in, confirmed owner of the invited address joins the team. */
  async accept(eventId: string, token: string, user: AuthUser): Promise<void> {
    assertEmailVerified(user, 'accept an invitation to organise');
    await inTransaction(this.dataSource, async (em) => {
      const invitation = await em.getRepository(OrganiserInvitation).findOne({
        where: { tokenHash: hashAccountToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.eventId !== eventId) {
        throw new EventError(EventErrorCode.OrganiserInvitationInvalid, 'This invitation is not valid for this event');
      }
      if (invitation.acceptedAt) {
        throw new EventError(EventErrorCode.OrganiserInvitationUsed, 'This invitation has already been accepted');
      }
      if (invitation.expiresAt.getTime() <= Date.now()) {
        throw new EventError(EventErrorCode.OrganiserInvitationExpired, 'This invitation has expired');
      }
      if (invitation.email !== user.email) {
        throw new EventError(
          EventErrorCode.OrganiserInvitationForAnotherAddress,
          'This invitation was sent to another e-mail address; sign in with that address to accept it',
        );
      }
      await em.query('INSERT IGNORE INTO event_organisers (event_id, user_id) VALUES (?, ?)', [eventId, user.id]);
      await em
        .getRepository(OrganiserInvitation)
        .update({ id: invitation.id }, { acceptedAt: new Date(), acceptedBy: user.id });
    });
  }
}
