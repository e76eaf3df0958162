/**
 * Money as exact decimals. Amounts travel as strings ("1250000.50") and are
 * summed as BigInt counts of the currency's minor unit, so 0.1 + 0.2 is 0.3
 * and an 18-digit amount keeps every digit. Nothing is ever a float, and
 * nothing is converted between currencies.
 */

/** ISO 4217 currencies whose minor unit is not 2 digits (the rest use 2). */
const MINOR_UNITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** At most 20 integer digits: an 18-digit contract value fits with room to sum thousands of them. */
export const AMOUNT_PATTERN = /^(0|[1-9]\d{0,19})(\.\d+)?$/;

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/**
 * Why the amount is not a valid amount in this currency, or null when it is.
 * Trailing zeros beyond the minor unit are fine ("10.500" USD); real digits are not.
 */
export function amountProblem(amount: string, currency: string): string | null {
  if (!isCurrency(currency)) return `currency ${JSON.stringify(currency)} is not an ISO 4217 code`;
  if (!AMOUNT_PATTERN.test(amount))
    return 'amount must be a non-negative decimal string with at most 20 integer digits, e.g. "1250000.50"';
  const fraction = amount.split('.')[1]?.replace(/0+$/, '') ?? '';
  const digits = minorUnits(currency);
  if (fraction.length > digits) return `amount has ${fraction.length} decimal places but ${currency} has ${digits}`;
  return null;
}

/** The amount as a count of the currency's minor unit. The amount must have passed `amountProblem`. */
export function toMinor(amount: string, currency: string): bigint {
  const digits = minorUnits(currency);
  const [whole, fraction = ''] = amount.split('.');
  const cut = fraction.replace(/0+$/, '').padEnd(digits, '0');
  return BigInt(whole) * 10n ** BigInt(digits) + BigInt(cut === '' ? 0 : cut);
}

/** A minor-unit count as the canonical decimal string of the currency ("12.30" USD, "1500" JPY). */
export function fromMinor(value: bigint, currency: string): string {
  const digits = minorUnits(currency);
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const body = digits === 0 ? whole : `${whole}.${text.slice(text.length - digits)}`;
  return negative ? `-${body}` : body;
}

/** The canonical form of an amount in its currency: what the ledger stores and the reports print. */
export function normaliseAmount(amount: string, currency: string): string {
  return fromMinor(toMinor(amount, currency), currency);
}

/** Sums per currency, exactly; the result is sorted by currency code. */
export class CurrencyTotals {
  private readonly sums = new Map<string, bigint>();

  add(amount: string, currency: string): void {
    this.sums.set(currency, (this.sums.get(currency) ?? 0n) + toMinor(amount, currency));
  }

  toList(): { currency: string; total: string }[] {
    return [...this.sums.keys()].sort().map((currency) => ({
      currency,
      total: fromMinor(this.sums.get(currency) as bigint, currency),
    }));
  }
}
