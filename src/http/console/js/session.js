// @ts-check
/** Who is signed in, and what their role may do (mirrors the server's policy table; the server decides). */

/**
 * @typedef {{ id: number | null, name: string, role: string, unitCode: string, unitName: string }} User
 */

/** @type {Record<string, readonly string[]>} */
const POLICY = {
  admin: ['*'],
  supervisor: [
    'progress.read', 'callbacks.read', 'callbacks.write', 'broadcasts.read', 'broadcasts.write', 'staff.read', 'staff.write',
    'units.read', 'units.write', 'campaign.read', 'tokens.own',
  ],
  consultant: ['callbacks.read', 'callbacks.write', 'units.read', 'tokens.own'],
  viewer: ['progress.read', 'callbacks.read', 'broadcasts.read', 'staff.read', 'units.read', 'campaign.read', 'tokens.own'],
  staff: [],
};

/**
 * Whether the role may do the action (to hide what would be refused anyway).
 * @param {User} user
 * @param {string} action
 */
export function can(user, action) {
  const allowed = POLICY[user.role] ?? [];
  return allowed.includes('*') || allowed.includes(action);
}

/** Vietnamese names of the roles. @type {Record<string, string>} */
export const ROLE_NAMES = {
  admin: 'Quản trị',
  supervisor: 'Giám sát',
  consultant: 'Tư vấn viên',
  viewer: 'Người xem',
  staff: 'Cán bộ cơ sở',
};
