import { jsonText } from '@roundtable/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type CompanySize = 'micro' | 'small' | 'medium' | 'large';

/**
 * A company taking part in forums (shared across events). Found or created
 * by name + country when a delegate registers; several delegates of one
 * company form its delegation.
 */
@Entity('companies')
export class Company {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  /** Name in Latin script, as used for matching (case-insensitive with the country). */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 200, nullable: true })
  nameZh: string | null;

  @Column({ name: 'name_ru', type: 'varchar', length: 200, nullable: true })
  nameRu: string | null;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  region: string | null;

  @Column({ type: 'longtext', transformer: jsonText })
  sectors: string[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  size: CompanySize | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  /** What the company offers on the cooperation marketplace. */
  @Column({ type: 'text', nullable: true })
  offers: string | null;

  /** What the company seeks. */
  @Column({ type: 'text', nullable: true })
  seeks: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
