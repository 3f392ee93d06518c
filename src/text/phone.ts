import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A Vietnamese (or international) phone number in E.164 (+84…), or null when it is not a valid number.
 * Uses the full metadata ("max"), which rejects obsolete ranges such as the 012x mobile prefixes retired in 2018.
 */
export function toE164(raw: string): string | null {
  const cleaned = raw.trim().replace(/[\s.()-]/g, '');
  if (!/^\+?\d{8,15}$/.test(cleaned)) return null;
  const withPlus = /^84\d{9,10}$/.test(cleaned) ? `+${cleaned}` : cleaned;
  const parsed = parsePhoneNumberFromString(withPlus, 'VN');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}
