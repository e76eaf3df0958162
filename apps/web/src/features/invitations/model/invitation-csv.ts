/**
 * Reads an invitation list pasted or uploaded as CSV (comma, semicolon or tab separated, quotes as in
 * RFC 4180, a header row naming the columns) and checks each row the way the API will, so the organiser
 * sees every problem before anything is sent.
 */
export interface InvitationRow {
  /** 1-based, counting data rows (the header is not a row), as the API numbers them. */
  row: number;
  email: string;
  name: string;
  company?: string;
  country?: string;
  locale?: 'zh' | 'ru' | 'en';
  role?: 'delegate' | 'speaker' | 'press' | 'staff';
}

export type RowProblem =
  | 'emailMissing'
  | 'emailInvalid'
  | 'emailTwice'
  | 'nameMissing'
  | 'tooLong'
  | 'countryInvalid'
  | 'localeInvalid'
  | 'roleInvalid';

export interface CheckedRow {
  row: number;
  input: InvitationRow;
  problems: RowProblem[];
}

export interface ParsedList {
  rows: CheckedRow[];
  /** The header lacked the email or name column. */
  missingColumns: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLES = ['delegate', 'speaker', 'press', 'staff'];
const LOCALES = ['zh', 'ru', 'en'];

/** The cells of each line; quoted cells may hold the separator, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = [',', ';', '\t'].reduce((best, s) =>
    firstLine.split(s).length > firstLine.split(best).length ? s : best,
  );
  const lines: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      lines.push(cells);
      cells = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    lines.push(cells);
  }
  return lines.filter((line) => line.some((c) => c.trim() !== ''));
}

export function checkList(text: string): ParsedList {
  const [header, ...data] = parseCsv(text);
  if (!header) return { rows: [], missingColumns: [] };
  const columns = header.map((h) => h.trim().toLowerCase());
  const missingColumns = ['email', 'name'].filter((c) => !columns.includes(c));
  const seen = new Set<string>();
  const rows = data.map((cells, index): CheckedRow => {
    const get = (name: string) => {
      const at = columns.indexOf(name);
      const value = at >= 0 ? (cells[at] ?? '').trim() : '';
      return value === '' ? undefined : value;
    };
    const email = (get('email') ?? '').toLowerCase();
    const country = get('country')?.toUpperCase();
    const locale = get('locale')?.toLowerCase();
    const role = get('role')?.toLowerCase();
    const input: InvitationRow = {
      row: index + 1,
      email,
      name: get('name') ?? '',
      company: get('company'),
      country,
      locale: locale as InvitationRow['locale'],
      role: role as InvitationRow['role'],
    };
    const problems: RowProblem[] = [];
    if (!email) problems.push('emailMissing');
    else if (!EMAIL.test(email)) problems.push('emailInvalid');
    else if (seen.has(email)) problems.push('emailTwice');
    if (email) seen.add(email);
    if (!input.name) problems.push('nameMissing');
    if (email.length > 254 || input.name.length > 200 || (input.company?.length ?? 0) > 200) problems.push('tooLong');
    if (country && !/^[A-Z]{2}$/.test(country)) problems.push('countryInvalid');
    if (locale && !LOCALES.includes(locale)) problems.push('localeInvalid');
    if (role && !ROLES.includes(role)) problems.push('roleInvalid');
    return { row: index + 1, input, problems };
  });
  return { rows, missingColumns };
}
