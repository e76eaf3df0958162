import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiInstant, isoInstant, PageQueryDto } from '@roundtable/common';
import { OutboxMessageEntity, OutboxStatus } from '@roundtable/notifications';
import { IsIn, IsOptional, Matches } from 'class-validator';

const STATUSES: OutboxStatus[] = ['pending', 'queued', 'sent', 'failed', 'cancelled'];

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: OutboxStatus;

  @ApiPropertyOptional({ example: 'meeting-accepted' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/)
  type?: string;
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty({ enum: STATUSES }) status: OutboxStatus;
  @ApiProperty() recipientEmail: string;
  @ApiProperty() recipientName: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiInstant() dueAt: string;
  @ApiInstant({ nullable: true }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String }) messageId: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiInstant() createdAt: string;

  static from(row: OutboxMessageEntity): NotificationDto {
    return Object.assign(new NotificationDto(), {
      id: row.id,
      type: row.type,
      status: row.status,
      recipientEmail: row.recipientEmail,
      recipientName: row.recipientName,
      attempts: row.attempts,
      dueAt: isoInstant(row.dueAt),
      sentAt: isoInstant(row.sentAt),
      messageId: row.messageId,
      lastError: row.lastError,
      createdAt: isoInstant(row.createdAt),
    });
  }
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null: no more' })
  nextCursor: string | null;
}

export class FacetCountDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class NotificationFacetsDto {
  @ApiProperty({ type: [FacetCountDto], description: 'Every status, with how many mails have it (zero included)' })
  byStatus: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto], description: 'The mail types the event has, most frequent first' })
  byType: FacetCountDto[];

  static from(facets: { byStatus: Map<OutboxStatus, number>; byType: Map<string, number> }): NotificationFacetsDto {
    return {
      byStatus: STATUSES.map((key) => ({ key, count: facets.byStatus.get(key) ?? 0 })),
      byType: [...facets.byType]
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    };
  }
}
