import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { row, rows, type Db } from '../client.ts';

/** The scope code of the whole nation: the unit table has no row for it, every unit is inside it. */
export const NATION_SCOPE = 'VN';

/** Whether a unit with this code exists (the nation always does). */
export async function unitExists(db: Db, code: string): Promise<boolean> {
  if (code === NATION_SCOPE) return true;
  return (await row<{ one: number }>(db, sql`SELECT 1 AS one FROM units WHERE code = ${code}`)) !== undefined;
}

/** Whether `unitCode` is `scopeCode` or lies below it. Unknown units are inside no scope but the nation's… and not even that. */
export async function isWithin(db: Db, unitCode: string, scopeCode: string): Promise<boolean> {
  if (scopeCode === NATION_SCOPE) return unitExists(db, unitCode);
  if (unitCode === scopeCode) return unitExists(db, unitCode);
  // Walk up from the unit: a handful of primary-key lookups, whatever the size of the tree.
  const found = await row<{ one: number }>(db, sql`
    WITH RECURSIVE up(code, parent) AS (
      SELECT code, parent_code FROM units WHERE code = ${unitCode}
      UNION ALL
      SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent
    )
    SELECT 1 AS one FROM up WHERE code = ${scopeCode} LIMIT 1`);
  return found !== undefined;
}

/** SQL for the codes of a subtree (the unit and everything below it), to use in `column IN (…)`. */
function subtreeSql(scopeCode: string): SQL {
  return sql`
    WITH RECURSIVE down(code) AS (
      SELECT code FROM units WHERE code = ${scopeCode}
      UNION ALL
      SELECT u.code FROM units u JOIN down ON u.parent_code = down.code
    )
    SELECT code FROM down`;
}

/** Every unit code in the subtree of `scopeCode`; null for the nation (no filter needed). */
export async function subtreeCodes(db: Db, scopeCode: string): Promise<string[] | null> {
  if (scopeCode === NATION_SCOPE) return null;
  return (await rows<{ code: string }>(db, subtreeSql(scopeCode))).map((r) => r.code);
}

/**
 * A WHERE condition keeping rows whose unit column lies in the subtree of `scopeCode` (undefined for the
 * nation: no condition). Rows with no unit are outside every scope but the nation's.
 */
export function inSubtree(column: SQLWrapper, scopeCode: string): SQL | undefined {
  if (scopeCode === NATION_SCOPE) return undefined;
  return sql`${column} IN (${subtreeSql(scopeCode)})`;
}
