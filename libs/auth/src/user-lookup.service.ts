import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from './entities/user.entity';

/** What other libs may know of a user: how to address them. */
export interface UserContact {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
}

const contactOf = (u: User): UserContact => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale,
  timeZone: u.timeZone,
});

/** The columns `UserLookupService.contactJoin` adds to a row, read back by `contactOfRow`. */
export interface UserContactRow {
  contact_id: string;
  contact_email: string;
  contact_name: string;
  contact_locale: string;
  contact_time_zone: string;
}

/**
 * The users table is the auth lib's alone: other libs ask here (inside their
 * own transaction when they pass its manager) instead of naming it in their
 * SQL. A lib that reads many rows each with a user may ask for the join
 * itself (`contactJoin`) and spend one query where `contacts` would add one.
 */
@Injectable()
export class UserLookupService {
  constructor(private readonly dataSource: DataSource) {}

  /** The users of these ids, by id (unknown ids are absent). */
  async contacts(ids: string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, UserContact>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await em.getRepository(User).findBy({ id: In(unique) });
    return new Map(users.map((u) => [u.id, contactOf(u)]));
  }

  /**
   * SQL for an owner's own query: joins the contact of the user whose id is
   * `userIdColumn` (e.g. "r.user_id"), adding the columns of UserContactRow.
   * A row without its user is left out, as `contacts` leaves out unknown ids.
   */
  contactJoin(userIdColumn: string): { columns: string; join: string } {
    return {
      columns:
        'contact.id AS contact_id, contact.email AS contact_email, contact.name AS contact_name, ' +
        'contact.locale AS contact_locale, contact.time_zone AS contact_time_zone',
      join: `JOIN users contact ON contact.id = ${userIdColumn}`,
    };
  }

  /** The contact in a row read with `contactJoin`. */
  contactOfRow(row: UserContactRow): UserContact {
    return {
      id: row.contact_id,
      email: row.contact_email,
      name: row.contact_name,
      locale: row.contact_locale,
      timeZone: row.contact_time_zone,
    };
  }

  /** One user; throws when there is none (callers hold a reference that the foreign key guarantees). */
  async contact(id: string, em: EntityManager = this.dataSource.manager): Promise<UserContact> {
    return contactOf(await em.getRepository(User).findOneByOrFail({ id }));
  }

  /** The users with these addresses (addresses are stored lower-cased). */
  async byEmails(emails: string[], em: EntityManager = this.dataSource.manager): Promise<UserContact[]> {
    const unique = [...new Set(emails)];
    if (unique.length === 0) return [];
    return (await em.getRepository(User).findBy({ email: In(unique) })).map(contactOf);
  }

  private readonly renamed: UserRenamedListener[] = [];

  /** Calls `listener` inside the transaction of every change of a user's name (libs that keep copies follow it). */
  onRenamed(listener: UserRenamedListener): void {
    this.renamed.push(listener);
  }

  /** For the accounts service: the user's name has changed, in this transaction. */
  async announceRename(em: EntityManager, userId: string): Promise<void> {
    for (const listener of this.renamed) await listener(em, userId);
  }
}

export type UserRenamedListener = (em: EntityManager, userId: string) => Promise<void>;
