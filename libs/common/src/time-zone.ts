import { IANAZone } from 'luxon';

/** True for a real IANA zone name ('Asia/Shanghai'); false for offsets, 'Mars/Phobos', ''. */
export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) && IANAZone.isValidZone(zone);
}
