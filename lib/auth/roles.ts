/**
 * Desk roles and what each may do. Editors edit articles; admins also manage users, sections and
 * authors and read the audit trail. Pages and actions ask {@link can}, never compare role names themselves, so a new
 * permission or role changes this file only.
 */
export const ROLES = ['editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ['articles.edit', 'users.manage', 'sections.manage', 'authors.manage', 'audit.read'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  editor: new Set(['articles.edit']),
  admin: new Set(PERMISSIONS),
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` grants `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
