/**
 * `import-staff <csv> [--dry-run] [--skip-bad]`: field staff and supervisors from a CSV with the columns
 * name, phone, unit_code, role (staff|supervisor) and optional telegram (chat id or @username) and zalo (user id).
 * Every row is checked first; a file with bad rows imports nothing unless `skipBad`. A phone seen on several rows
 * makes one person responsible for several units (the first row's unit is their own).
 */
import { parse } from 'csv-parse/sync';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { sql } from 'drizzle-orm';
import { transaction, type Db } from '../../db/client.ts';
import { upsertStaff, type StaffRecord } from '../../db/queries/staff.ts';
import { contacts, settings, units } from '../../db/schema/index.ts';
import { foldWords } from '../../src/text/vietnamese.ts';

export interface ImportStaffOptions {
  /** Check and count only; write nothing. */
  dryRun?: boolean;
  /** Import the good rows of a file that has bad ones. */
  skipBad?: boolean;
  /** Units the importer may place people in (the console: the caller's subtree); others read as unknown. */
  unitAllowed?: (code: string) => boolean | Promise<boolean>;
  now: Date;
}

export interface ImportStaffResult {
  /** Contacts created (or that would be, on a dry run). */
  imported: number;
  /** Existing contacts (matched by phone) updated. */
  updated: number;
  /** Every bad row: CSV line number (header = 1) and why. */
  bad: { line: number; reason: string }[];
}

/** Settings key under which a Telegram @username waits for its owner's first message (see the report). */
export { telegramUsernameKey as TELEGRAM_USERNAME_KEY } from '../../db/queries/staff.ts';
import { telegramUsernameKey as TELEGRAM_USERNAME_KEY } from '../../db/queries/staff.ts';

/** Header names (folded: lower-case, no diacritics, words) → column. */
const HEADER_ALIASES: Record<string, string> = {
  name: 'name',
  ten: 'name',
  'ho ten': 'name',
  'ho va ten': 'name',
  phone: 'phone',
  sdt: 'phone',
  'dien thoai': 'phone',
  'so dien thoai': 'phone',
  'unit code': 'unit_code',
  unit: 'unit_code',
  'ma don vi': 'unit_code',
  role: 'role',
  'vai tro': 'role',
  telegram: 'telegram',
  zalo: 'zalo',
};

interface GoodRow {
  line: number;
  name: string;
  phone: string;
  unitCode: string;
  role: 'staff' | 'supervisor';
  telegram?: string;
  telegramUsername?: string;
  zalo?: string;
}

/** Import (or check) a staff CSV. See the module comment for the rules. */
export async function importStaff(db: Db, csvText: string, opts: ImportStaffOptions): Promise<ImportStaffResult> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => HEADER_ALIASES[foldWords(h)] ?? h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (err) {
    return { imported: 0, updated: 0, bad: [{ line: 0, reason: `not a CSV file: ${(err as Error).message}` }] };
  }
  const bad: ImportStaffResult['bad'] = [];
  const first = records[0]?.record;
  if (!first) return { imported: 0, updated: 0, bad: [{ line: 1, reason: 'no rows' }] };
  for (const col of ['name', 'phone', 'unit_code', 'role']) {
    if (!(col in first)) bad.push({ line: 1, reason: `missing column "${col}"` });
  }
  if (bad.length > 0) return { imported: 0, updated: 0, bad };

  const knownUnits = new Set((await db.select({ code: units.code }).from(units)).map((u) => u.code));
  const good: GoodRow[] = [];
  const seen = new Map<string, GoodRow>();
  for (const { record: r, info } of records) {
    const line = info.lines;
    const reasons: string[] = [];
    const name = (r['name'] ?? '').normalize('NFC').trim();
    if (name === '') reasons.push('name is empty');
    const phone = toVietnamesePhone(r['phone'] ?? '');
    if (!phone) reasons.push(`phone "${r['phone'] ?? ''}" is not a valid Vietnamese number`);
    const unitCode = (r['unit_code'] ?? '').trim();
    if (unitCode === '') reasons.push('unit_code is empty');
    else if (!knownUnits.has(unitCode) || (opts.unitAllowed && !(await opts.unitAllowed(unitCode)))) reasons.push(`unit_code ${unitCode} is not a known unit`);
    const roleRaw = (r['role'] ?? '').trim().toLowerCase();
    const role = roleRaw === 'staff' || roleRaw === 'supervisor' ? roleRaw : null;
    if (!role) reasons.push(`role must be staff or supervisor, not "${r['role'] ?? ''}"`);
    const tg = (r['telegram'] ?? '').trim();
    let telegram: string | undefined;
    let telegramUsername: string | undefined;
    if (tg !== '') {
      if (/^\d{1,20}$/.test(tg)) telegram = tg;
      else if (/^@?[A-Za-z][A-Za-z0-9_]{4,31}$/.test(tg)) telegramUsername = tg.replace(/^@/, '');
      else reasons.push(`telegram "${tg}" is neither a chat id nor a username`);
    }
    const zaloRaw = (r['zalo'] ?? '').trim();
    const zalo = zaloRaw === '' ? undefined : zaloRaw;
    if (zalo !== undefined && !/^\d{5,25}$/.test(zalo)) reasons.push(`zalo "${zalo}" is not a Zalo user id (digits)`);
    if (phone && role && reasons.length === 0) {
      const earlier = seen.get(phone);
      if (earlier && earlier.unitCode === unitCode) reasons.push(`phone repeats line ${earlier.line} for the same unit`);
      else if (earlier && earlier.role !== role) reasons.push(`phone repeats line ${earlier.line} with another role`);
    }
    if (reasons.length > 0) {
      bad.push({ line, reason: reasons.join('; ') });
      continue;
    }
    const row: GoodRow = {
      line,
      name,
      phone: phone ?? '',
      unitCode,
      role: role ?? 'staff',
      ...(telegram !== undefined && { telegram }),
      ...(telegramUsername !== undefined && { telegramUsername }),
      ...(zalo !== undefined && { zalo }),
    };
    if (!seen.has(row.phone)) seen.set(row.phone, row);
    good.push(row);
  }

  // One record per person: the first row's unit is theirs, later rows add units they also report for.
  const people = new Map<string, { rec: StaffRecord; telegramUsername?: string }>();
  for (const row of good) {
    const p = people.get(row.phone);
    const addrs: StaffRecord['addresses'] = [];
    if (row.telegram) addrs.push(`telegram:${row.telegram}`);
    if (row.zalo) addrs.push(`zalo:${row.zalo}`);
    if (!p) {
      people.set(row.phone, {
        rec: { name: row.name, phone: row.phone, unitCode: row.unitCode, role: row.role, extraUnits: [], addresses: addrs },
        ...(row.telegramUsername !== undefined && { telegramUsername: row.telegramUsername }),
      });
    } else {
      if (!p.rec.extraUnits.includes(row.unitCode) && p.rec.unitCode !== row.unitCode) p.rec.extraUnits.push(row.unitCode);
      for (const a of addrs) if (!p.rec.addresses.includes(a)) p.rec.addresses.push(a);
      if (row.telegramUsername && !p.telegramUsername) p.telegramUsername = row.telegramUsername;
    }
  }
  const existing = new Set((await db.select({ phone: contacts.phone }).from(contacts).where(sql`${contacts.phone} IS NOT NULL`)).map((c) => c.phone));
  let imported = 0;
  let updated = 0;
  for (const phone of people.keys()) {
    if (existing.has(phone)) updated++;
    else imported++;
  }
  if (bad.length > 0 && !opts.skipBad) return { imported: 0, updated: 0, bad };
  if (opts.dryRun) return { imported, updated, bad };
  await transaction(db, async (tx) => {
    for (const p of people.values()) {
      const { contactId } = await upsertStaff(tx, p.rec, opts.now);
      if (p.telegramUsername) {
        const key = TELEGRAM_USERNAME_KEY(p.telegramUsername);
        await tx
          .insert(settings)
          .values({ key, value: String(contactId), updatedAt: opts.now })
          .onConflictDoUpdate({ target: settings.key, set: { value: String(contactId), updatedAt: opts.now } });
      }
    }
  });
  return { imported, updated, bad };
}

/** A Vietnamese phone number in E.164, or null ("max" metadata rejects retired 012x prefixes). */
export function toVietnamesePhone(raw: string): string | null {
  const cleaned = raw.trim().replace(/[\s.()-]/g, '');
  if (!/^\+?\d{8,15}$/.test(cleaned)) return null;
  const withPlus = /^84\d{9,10}$/.test(cleaned) ? `+${cleaned}` : cleaned;
  const parsed = parsePhoneNumberFromString(withPlus, 'VN');
  if (!parsed || !parsed.isValid() || parsed.country !== 'VN') return null;
  return parsed.number;
}
