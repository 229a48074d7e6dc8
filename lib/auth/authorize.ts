import {
  principalCan,
  type ApiKeyAccess,
  type MemberRole,
  type Permission,
  type Principal,
} from './permissions';

export type { ApiKeyAccess } from './permissions';

/**
 * Who is acting, for whom, under which request: what every data function receives. The business
 * comes from the signed-in member's membership, the API key or the operator's command, never from
 * input. The audit trail records the type, id, name and role as they were.
 */
export type Actor =
  | ActorBase<'member', MemberRole>
  | ActorBase<'api_key', ApiKeyAccess>
  | ActorBase<'operator', 'operator'>
  | ActorBase<'license_holder', null>;

type ActorBase<T extends string, R> = {
  businessId: string;
  /** member: a signed-in person; api_key: an API key; operator: the command line or a seed script;
   * license_holder: shipped software calling the public license endpoints with a key. */
  type: T;
  /** The membership id, the API key id, the operator's tool ("cli"), or the client's address. */
  id: string;
  name: string;
  role: R;
  requestId: string;
};

/** The column of the permission table an actor reads; a license holder has none. */
function principalOf(actor: Pick<Actor, 'type' | 'role'>): Principal | null {
  switch (actor.type) {
    case 'member':
      return actor.role as MemberRole;
    case 'api_key':
      return `api_key:${actor.role as ApiKeyAccess}`;
    case 'operator':
      return 'operator';
    default:
      return null;
  }
}

export function actorCan(actor: Pick<Actor, 'type' | 'role'>, permission: Permission): boolean {
  const principal = principalOf(actor);
  return principal !== null && principalCan(principal, permission);
}

export class NotAllowedError extends Error {
  constructor(readonly reason: 'signed-out' | 'forbidden') {
    super(reason === 'signed-out' ? 'Not signed in' : 'Not allowed');
    this.name = 'NotAllowedError';
  }
}

/** Refuses, inside the data layer itself, what the actor may not do. */
export function assertCan(actor: Pick<Actor, 'type' | 'role'>, permission: Permission): void {
  if (!actorCan(actor, permission)) throw new NotAllowedError('forbidden');
}

export function notAllowedMessage(error: NotAllowedError): string {
  return error.reason === 'signed-out'
    ? 'Your session has ended. Sign in again to continue; nothing was saved.'
    : 'Your role does not allow this. Ask an owner or admin of the business.';
}

/** The operator: the command line and the seed scripts, acting in one business. */
export function operatorActor(businessId: string, requestId: string, name = 'Command line'): Actor {
  return { businessId, type: 'operator', id: 'cli', name, role: 'operator', requestId };
}
