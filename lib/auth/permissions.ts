// What each role may do in a business. The one table the UI (to hide what a role may not do) and
// the server (to refuse it anyway) both read. No server imports here.

export const MEMBER_ROLES = ['owner', 'admin', 'support'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const PERMISSIONS = {
  /** View keys, customers, products and instances. */
  'keys:view': ['owner', 'admin', 'support'],
  /** Issue and import keys. */
  'keys:issue': ['owner', 'admin', 'support'],
  /** Create customers. */
  'customers:create': ['owner', 'admin', 'support'],
  /** Disable and enable keys. */
  'keys:disable': ['owner', 'admin', 'support'],
  /** Edit products and their key defaults. */
  'products:edit': ['owner', 'admin'],
  /** Add, change and remove members; see the business's activity. */
  'members:manage': ['owner', 'admin'],
  /** Create and revoke API keys. */
  'api-keys:manage': ['owner', 'admin'],
  /** Rename the business, transfer its ownership. */
  'business:manage': ['owner'],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: MemberRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly MemberRole[]).includes(role);
}

export const ROLE_LABELS: Record<MemberRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  support: 'Support',
};
