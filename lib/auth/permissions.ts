// Who may do what in a business: the one table the UI (to hide what a role may not do), the
// server actions, the REST API and the data layer (to refuse it anyway) all read. No server imports.

export const MEMBER_ROLES = ['owner', 'admin', 'support'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** What an API key may do: `write` what its endpoints need, `read_only` only reading. */
export const API_KEY_ACCESS = ['write', 'read_only'] as const;
export type ApiKeyAccess = (typeof API_KEY_ACCESS)[number];

/**
 * A column of the table: a member's role, an API key's access, or the operator (the command line
 * and the seed scripts, run by whoever runs the server, who may do everything).
 */
export type Principal = MemberRole | `api_key:${ApiKeyAccess}` | 'operator';

const STAFF = ['owner', 'admin', 'support'] as const;
const API_WRITE = 'api_key:write';
const API_READ = 'api_key:read_only';

export const PERMISSIONS = {
  /** View keys (masked in lists), customers, products and instances. */
  'keys:view': [...STAFF, API_WRITE, API_READ, 'operator'],
  /** See a whole license key string: the key page, the API's `key` field. */
  'keys:reveal': [...STAFF, API_WRITE, 'operator'],
  /** Issue and import keys. */
  'keys:issue': [...STAFF, API_WRITE, 'operator'],
  /**
   * Import a CSV file of keys (bulk import): a whole license base at once, with customers created
   * on the way, so owners and admins only.
   */
  'keys:bulk-import': ['owner', 'admin', 'operator'],
  /** Create customers. */
  'customers:create': [...STAFF, API_WRITE, 'operator'],
  /** Rename customers and change their email address (support answers "I moved to a new address"). */
  'customers:edit': [...STAFF, API_WRITE, 'operator'],
  /** Disable and enable keys, change their limit and expiry; rename and deactivate instances. */
  'keys:edit': [...STAFF, API_WRITE, 'operator'],
  /** Create products. */
  'products:create': ['owner', 'admin', API_WRITE, 'operator'],
  /** Edit products: name, description and key defaults. */
  'products:edit': ['owner', 'admin', API_WRITE, 'operator'],
  /**
   * Archive and unarchive products (reversible: an archived product's keys keep working). API
   * write keys may, so that the SDK's `products.archive` / `unarchive` have someone to call them.
   */
  'products:archive': ['owner', 'admin', API_WRITE, 'operator'],
  /** Add, change and remove members; see the business's activity. */
  'members:manage': ['owner', 'admin', 'operator'],
  /** Create and revoke API keys. */
  'api-keys:manage': ['owner', 'admin', 'operator'],
  /** Add, change and remove webhook endpoints, see their secrets and deliveries, resend. */
  'webhooks:manage': ['owner', 'admin', API_WRITE, 'operator'],
  /** Rename the business, transfer its ownership. */
  'business:manage': ['owner', 'operator'],
} as const satisfies Record<string, readonly Principal[]>;

export type Permission = keyof typeof PERMISSIONS;

export function principalCan(principal: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Principal[]).includes(principal);
}

/** What a member of this role may do. */
export function can(role: MemberRole, permission: Permission): boolean {
  return principalCan(role, permission);
}

export const ROLE_LABELS: Record<MemberRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  support: 'Support',
};
