import { Injectable } from '@nestjs/common';
import { csvCell, isoInstant } from '@roundtable/common';
import { stringify } from 'csv-stringify/sync';
import { RegistrationExportQueryDto } from './dto/registration.dto';
import { RegistrationRow, RegistrationsService } from './registrations.service';

/**
 * The organisers' export: the registrations of the event as CSV (UTF-8 with BOM, so Excel keeps Chinese and
 * Cyrillic), with the same filters, search and sort as the list on screen (none: every registration).
 */
@Injectable()
export class RegistrationsExportService {
  constructor(private readonly registrations: RegistrationsService) {}

  async csv(eventId: string, filters: RegistrationExportQueryDto = {}): Promise<string> {
    const rows: RegistrationRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.registrations.list(eventId, { ...filters, limit: 1_000, cursor });
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const body = stringify(
      rows.map(({ registration: r, user, company }) => [
        r.id,
        csvCell(user.name),
        csvCell(user.email),
        r.role,
        r.status,
        csvCell(r.jobTitle),
        csvCell(company?.name),
        csvCell(company?.nameZh),
        csvCell(company?.nameRu),
        company?.country ?? '',
        (company?.sectors ?? []).join(' '),
        r.languages.join(' '),
        r.needsInterpreter ? 'yes' : 'no',
        isoInstant(r.checkedInAt) ?? '',
        isoInstant(r.createdAt),
      ]),
      {
        header: true,
        columns: [
          'id',
          'name',
          'email',
          'role',
          'status',
          'job_title',
          'company',
          'company_zh',
          'company_ru',
          'country',
          'sectors',
          'languages',
          'needs_interpreter',
          'checked_in_at',
          'registered_at',
        ],
      },
    );
    return `\uFEFF${body}`;
  }
}
