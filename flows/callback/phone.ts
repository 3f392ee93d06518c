import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Why a number cannot be called back. */
export type PhoneRefusal = 'landline' | 'foreign' | 'short_code' | 'obsolete' | 'invalid';

export type MobileCheck = { ok: true; e164: string } | { ok: false; reason: PhoneRefusal; suggestion?: string };

// The 11-digit mobile prefixes retired in 2018 and the 10-digit prefixes that replaced them.
const OLD_PREFIXES: Record<string, string> = {
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
  '0186': '056', '0188': '058', '0199': '059',
};

/**
 * A Vietnamese mobile number in E.164, or why not: a landline, a foreign number, a short code or hotline
 * (1900…, 1800…, 113), an obsolete 11-digit number (with the 10-digit number it probably became), or not a number.
 * Uses libphonenumber-js's full metadata, which knows which ranges are mobile.
 */
export function checkMobile(raw: string): MobileCheck {
  const digits = raw.trim().replace(/[\s.()\-]/g, '');
  if (!/^\+?\d{3,15}$/.test(digits)) return { ok: false, reason: 'invalid' };
  const local = digits.replace(/^\+?84(?=[1-9]\d{7,})/, '0');
  if (/^01\d{9}$/.test(local)) {
    const prefix = OLD_PREFIXES[local.slice(0, 4)];
    return { ok: false, reason: 'obsolete', ...(prefix && { suggestion: prefix + local.slice(4) }) };
  }
  if (/^1\d{2,9}$/.test(local) || /^\d{3,6}$/.test(local)) return { ok: false, reason: 'short_code' };
  const international = digits.startsWith('+') || /^00/.test(digits);
  const parsed = parsePhoneNumberFromString(digits.replace(/^00/, '+'), 'VN');
  if (!parsed) return { ok: false, reason: 'invalid' };
  if (international && parsed.country !== 'VN' && parsed.countryCallingCode !== '84') return { ok: false, reason: 'foreign' };
  if (!parsed.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  if (type === 'MOBILE') return { ok: true, e164: parsed.number };
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' || type === 'VOIP') return { ok: false, reason: 'landline' };
  return { ok: false, reason: 'short_code' };
}

/** "0912***678": enough for the person to recognise their number, not enough to read it off a screen. */
export function maskPhone(e164: string): string {
  const local = e164.replace(/^\+84/, '0');
  return `${local.slice(0, 4)}***${local.slice(-3)}`;
}

/** The national form people write ("0912345678"). */
export function localPhone(e164: string): string {
  return e164.replace(/^\+84/, '0');
}
