import { can, type MemberRole, type Permission } from './permissions';

/**
 * Who is acting, for whom, under which request: what every data function that writes receives.
 * The business comes from the signed-in member's membership (or, later, the API key), never from input.
 */
export type Actor = {
  businessId: string;
  /** A signed-in member of the business, or an API key of it. */
  type: 'member' | 'api_key';
  /** The membership id, or the API key id. */
  id: string;
  name: string;
  role: MemberRole | ApiKeyAccess;
  requestId: string;
};

export type ApiKeyAccess = 'write' | 'read_only';

/** What an API key may do: a write key what its endpoints need, a read-only key only reading. */
const API_KEY_PERMISSIONS: Record<ApiKeyAccess, readonly Permission[]> = {
  write: ['keys:view', 'keys:issue', 'keys:disable', 'customers:create'],
  read_only: ['keys:view'],
};

export function actorCan(actor: Pick<Actor, 'type' | 'role'>, permission: Permission): boolean {
  if (actor.type === 'api_key') {
    return API_KEY_PERMISSIONS[actor.role as ApiKeyAccess]?.includes(permission) ?? false;
  }
  return can(actor.role as MemberRole, permission);
}

export class NotAllowedError extends Error {
  constructor(readonly reason: 'signed-out' | 'forbidden') {
    super(reason === 'signed-out' ? 'Not signed in' : 'Not allowed');
    this.name = 'NotAllowedError';
  }
}

/** Refuses, inside the data layer itself, what the actor's role may not do. */
export function assertCan(actor: Pick<Actor, 'type' | 'role'>, permission: Permission): void {
  if (!actorCan(actor, permission)) throw new NotAllowedError('forbidden');
}

export function notAllowedMessage(error: NotAllowedError): string {
  return error.reason === 'signed-out'
    ? 'Your session has ended. Sign in again to continue; nothing was saved.'
    : 'Your role does not allow this. Ask an owner or admin of the business.';
}
