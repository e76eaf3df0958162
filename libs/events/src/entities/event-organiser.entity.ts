import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A user in an event's organiser team. Whoever creates the event is its first organiser. */
@Entity('event_organisers')
export class EventOrganiser {
  @PrimaryColumn({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
