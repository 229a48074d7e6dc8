import { describe, expect, it } from 'vitest';
import { actorCan, operatorActor, type Actor } from './authorize';
import {
  API_KEY_ACCESS,
  can,
  MEMBER_ROLES,
  PERMISSIONS,
  type ApiKeyAccess,
  type MemberRole,
  type Permission,
} from './permissions';

// The permission table of the issue, written out cell by cell. A change to lib/auth/permissions.ts
// that grants or takes away any cell fails here.
const TABLE: Record<Permission, Record<MemberRole, boolean>> = {
  'keys:view': { owner: true, admin: true, support: true },
  'keys:reveal': { owner: true, admin: true, support: true },
  'keys:issue': { owner: true, admin: true, support: true },
  'keys:bulk-import': { owner: true, admin: true, support: false },
  'customers:create': { owner: true, admin: true, support: true },
  'customers:edit': { owner: true, admin: true, support: true },
  'keys:edit': { owner: true, admin: true, support: true },
  'products:create': { owner: true, admin: true, support: false },
  'products:edit': { owner: true, admin: true, support: false },
  'products:archive': { owner: true, admin: true, support: false },
  'members:manage': { owner: true, admin: true, support: false },
  'api-keys:manage': { owner: true, admin: true, support: false },
  'webhooks:manage': { owner: true, admin: true, support: false },
  'business:manage': { owner: true, admin: false, support: false },
};

// API keys: a write key does what its endpoints need, a read-only key only reads, and sees keys
// masked (it lacks keys:reveal).
const API_TABLE: Record<Permission, Record<ApiKeyAccess, boolean>> = {
  'keys:view': { write: true, read_only: true },
  'keys:reveal': { write: true, read_only: false },
  'keys:issue': { write: true, read_only: false },
  'keys:bulk-import': { write: false, read_only: false },
  'customers:create': { write: true, read_only: false },
  'customers:edit': { write: true, read_only: false },
  'keys:edit': { write: true, read_only: false },
  'products:create': { write: true, read_only: false },
  'products:edit': { write: true, read_only: false },
  'products:archive': { write: true, read_only: false },
  'members:manage': { write: false, read_only: false },
  'api-keys:manage': { write: false, read_only: false },
  'webhooks:manage': { write: true, read_only: false },
  'business:manage': { write: false, read_only: false },
};

describe('API key columns of the table', () => {
  for (const [permission, row] of Object.entries(API_TABLE) as [
    Permission,
    Record<ApiKeyAccess, boolean>,
  ][]) {
    for (const access of API_KEY_ACCESS) {
      it(`a ${access} API key ${row[access] ? 'may' : 'may not'} ${permission}`, () => {
        const actor = { type: 'api_key', role: access } as const;
        expect(actorCan(actor, permission)).toBe(row[access]);
      });
    }
  }

  it('the operator may do everything; a license holder nothing', () => {
    const holder: Actor = {
      businessId: 'bus_x',
      type: 'license_holder',
      id: '198.51.100.7',
      name: 'License holder',
      role: null,
      requestId: 'req_x',
    };
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(actorCan(operatorActor('bus_x', 'req_x'), permission)).toBe(true);
      expect(actorCan(holder, permission)).toBe(false);
    }
  });
});

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
