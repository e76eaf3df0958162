/** Search parameters of the routes: filters live in the URL, checked here so a hand-edited URL cannot break a screen. */

function text(value: unknown, max = 100): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
}

export interface AgendaSearch {
  day?: string;
  room?: string;
  kind?: string;
  q?: string;
  /** a session to scroll to (the site-visit reminder mail links to its visit) */
  visit?: string;
}

export function agendaSearch(raw: Record<string, unknown>): AgendaSearch {
  const day = text(raw.day, 10);
  return {
    day: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined,
    room: text(raw.room),
    kind: text(raw.kind, 40),
    q: text(raw.q),
    visit: text(raw.visit, 40),
  };
}

export interface RedirectSearch {
  redirect?: string;
}

/** Only a path inside the app may be a redirect target, never another site. */
export function redirectSearch(raw: Record<string, unknown>): RedirectSearch {
  const target = text(raw.redirect, 500);
  return { redirect: target && target.startsWith('/') && !target.startsWith('//') ? target : undefined };
}

/** The invitation mail's link: /app/events/<id>/register?invitationToken=… (a "token" name, so logs redact it). */
export interface RegisterSearch {
  invitationToken?: string;
}

export function registerSearch(raw: Record<string, unknown>): RegisterSearch {
  return { invitationToken: text(raw.invitationToken, 200) };
}

/** A mailed link's single-use token (verify e-mail, reset password, organiser invitation). */
export interface TokenSearch {
  token?: string;
}

export function tokenSearch(raw: Record<string, unknown>): TokenSearch {
  return { token: text(raw.token, 200) };
}

export interface DirectorySearch {
  q?: string;
  country?: string;
  sector?: string;
  language?: string;
  cursor?: string;
}

/** Directory filters as the API checks them (a bad value is dropped, never sent). */
export function directorySearch(raw: Record<string, unknown>): DirectorySearch {
  const country = text(raw.country, 2)?.toUpperCase();
  const sector = text(raw.sector, 60);
  const language = text(raw.language, 2);
  return {
    q: text(raw.q),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    sector: sector && /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(sector) ? sector : undefined,
    language: language && /^[a-z]{2}$/.test(language) ? language : undefined,
    cursor: text(raw.cursor, 512),
  };
}

export interface MailSearch {
  status?: 'pending' | 'queued' | 'sent' | 'failed' | 'cancelled';
  type?: string;
}

const MAIL_STATUSES = ['pending', 'queued', 'sent', 'failed', 'cancelled'] as const;

/** The delivery view's filters, as the API takes them (a type is a lower-case slug). */
export function mailSearch(raw: Record<string, unknown>): MailSearch {
  const status = text(raw.status, 20);
  const type = text(raw.type, 64);
  return {
    status: MAIL_STATUSES.find((s) => s === status),
    type: type && /^[a-z0-9-]{1,64}$/.test(type) ? type : undefined,
  };
}

const REGISTRATION_STATUSES = ['pending', 'approved', 'waitlisted', 'rejected', 'cancelled'] as const;
export const REGISTRATION_SORT_KEYS = ['createdAt', 'name', 'company', 'country', 'status'] as const;
type RegistrationSortKey = (typeof REGISTRATION_SORT_KEYS)[number];

export interface RegistrationsSearch {
  status?: (typeof REGISTRATION_STATUSES)[number];
  country?: string;
  sector?: string;
  q?: string;
  sort?: RegistrationSortKey | `-${RegistrationSortKey}`;
  page?: number;
}

/** The organisers' registration table: its filters, search, sort and page, as the API checks them. */
export function registrationsSearch(raw: Record<string, unknown>): RegistrationsSearch {
  const status = text(raw.status, 20);
  const country = text(raw.country, 2)?.toUpperCase();
  const sector = text(raw.sector, 60);
  const sort = text(raw.sort, 20);
  const page = Number(raw.page);
  return {
    status: REGISTRATION_STATUSES.find((s) => s === status),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    sector: sector && /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(sector) ? sector : undefined,
    q: text(raw.q),
    sort:
      sort && (REGISTRATION_SORT_KEYS as readonly string[]).includes(sort.replace(/^-/, ''))
        ? (sort as RegistrationsSearch['sort'])
        : undefined,
    page: Number.isInteger(page) && page > 1 && page <= 10_000 ? page : undefined,
  };
}
