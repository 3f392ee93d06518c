import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ADDRESS_CHANNELS, type AudienceFilter } from '../../db/queries/broadcasts.ts';
import { isWithin } from '../../db/queries/unit-scope.ts';
import { ROLES } from '../../db/schema/index.ts';

/** An audience as the admin API and the chat commands give it. */
export const AudienceSchema = z
  .object({
    roles: z.array(z.enum(ROLES)).min(1).default(['resident']),
    /** People of this unit and the units below it. */
    unitCode: z.string().min(1).max(20).optional(),
    channels: z.array(z.enum(ADDRESS_CHANNELS)).min(1).optional(),
  })
  .strict();
export type Audience = z.infer<typeof AudienceSchema>;

/** Why an audience cannot be used by this person. */
export class AudienceOutOfScope extends Error {}

/**
 * Narrow an audience to the sender's subtree: no unit means their whole scope; a unit outside it is refused.
 * A supervisor of province 01 broadcasts to 01 and below, never to the nation.
 */
export async function scopedAudience(db: Db, audience: Audience, scope: string): Promise<AudienceFilter & { unitCode: string }> {
  const unitCode = audience.unitCode ?? scope;
  if (!(await isWithin(db, unitCode, scope))) throw new AudienceOutOfScope(`unit ${unitCode} is outside your scope ${scope}`);
  return { roles: audience.roles, unitCode, channels: audience.channels };
}

/** The stored audience of a broadcast, as a filter (stored rows were validated when created). */
export function storedAudience(raw: unknown): AudienceFilter {
  return AudienceSchema.parse(raw);
}
