/**
 * A CSV cell holding user text, made safe for spreadsheets: text starting
 * with = + - @ or a tab/CR gets a leading apostrophe, so Excel or LibreOffice
 * shows it instead of running it as a formula.
 */
export const csvCell = (value: string | null | undefined): string =>
  value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? '');
