import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One badge scan at a door. `scanId` is made up by the scanning device, so a
 * scan it sends again (after a dropped answer, or when its offline queue
 * syncs twice) is recorded once (`uq_check_ins_scan`). `firstScan` is false
 * for every scan of a badge after the first one: the duplicates.
 */
@Entity('check_ins')
export class CheckIn {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ name: 'registration_id', type: 'char', length: 36 })
  registrationId: string;

  @Column({ name: 'scan_id', type: 'varchar', length: 64 })
  scanId: string;

  /** The door or scanning device, as the device names itself. */
  @Column({ name: 'device_id', type: 'varchar', length: 64, nullable: true })
  deviceId: string | null;

  @Column({ name: 'scanned_at', type: 'datetime', precision: 3 })
  scannedAt: Date;

  @Column({ name: 'received_at', type: 'datetime', precision: 3 })
  receivedAt: Date;

  @Column({ name: 'first_scan', type: 'boolean' })
  firstScan: boolean;
}
