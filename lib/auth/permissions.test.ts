import { describe, expect, it } from 'vitest';
import { can, MEMBER_ROLES, PERMISSIONS, type MemberRole, type Permission } from './permissions';

// The permission table of the issue, written out cell by cell. A change to lib/auth/permissions.ts
// that grants or takes away any cell fails here.
const TABLE: Record<Permission, Record<MemberRole, boolean>> = {
  'keys:view': { owner: true, admin: true, support: true },
  'keys:issue': { owner: true, admin: true, support: true },
  'customers:create': { owner: true, admin: true, support: true },
  'keys:disable': { owner: true, admin: true, support: true },
  'products:edit': { owner: true, admin: true, support: false },
  'members:manage': { owner: true, admin: true, support: false },
  'api-keys:manage': { owner: true, admin: true, support: false },
  'business:manage': { owner: true, admin: false, support: false },
};

describe('permission table', () => {
  for (const [permission, row] of Object.entries(TABLE) as [
    Permission,
    Record<MemberRole, boolean>,
  ][]) {
    for (const role of MEMBER_ROLES) {
      it(`${role} ${row[role] ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role, permission)).toBe(row[role]);
      });
    }
  }

  it('covers every permission the code defines, and no other', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(TABLE).sort());
  });

  it('knows exactly the three roles', () => {
    expect([...MEMBER_ROLES]).toEqual(['owner', 'admin', 'support']);
  });
});
