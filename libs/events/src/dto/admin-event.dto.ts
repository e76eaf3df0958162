import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiInstant, isoInstant, PageQueryDto } from '@roundtable/common';
import { IsIn, IsOptional } from 'class-validator';
import { Event, EventStatus } from '../entities/event.entity';

export class AdminEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only trusted (or only untrusted) events' })
  @IsOptional()
  @IsIn(['true', 'false'])
  trusted?: 'true' | 'false';
}

/** What a platform admin sees of any event, drafts included, to decide whether to trust it. */
export class AdminEventDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['draft', 'published', 'closed', 'cancelled'] }) status: EventStatus;
  @ApiInstant() startsAt: string;
  @ApiProperty({ description: 'The user who created the event' }) createdBy: string;
  @ApiInstant() createdAt: string;
  @ApiProperty({ description: 'Trusted events send invitations at INVITATIONS_PER_EVENT_TRUSTED' }) trusted: boolean;

  static from(event: Event): AdminEventDto {
    return Object.assign(new AdminEventDto(), {
      id: event.id,
      slug: event.slug,
      name: event.name,
      status: event.status,
      startsAt: isoInstant(event.startsAt),
      createdBy: event.createdBy,
      createdAt: isoInstant(event.createdAt),
      trusted: event.trusted,
    });
  }
}

export class AdminEventPageDto {
  @ApiProperty({ type: [AdminEventDto] }) items: AdminEventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null: no more' })
  nextCursor: string | null;
}
