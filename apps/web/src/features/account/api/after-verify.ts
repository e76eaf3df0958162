/**
 * Where a person was going when they signed up (a registration form, say):
 * the confirmation mail's link cannot carry it, so this device remembers it
 * until the address is confirmed, and the confirmation screen leads back there.
 */
const KEY = 'rt.afterVerify';

export function rememberAfterVerify(target: string | undefined): void {
  if (target) localStorage.setItem(KEY, target);
  else localStorage.removeItem(KEY);
}

export function afterVerifyTarget(): string | undefined {
  return localStorage.getItem(KEY) ?? undefined;
}

export function forgetAfterVerify(): void {
  localStorage.removeItem(KEY);
}
