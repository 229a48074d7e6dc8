import { can, type MemberRole, type Permission } from './permissions';

/**
 * Who is acting, for whom, under which request: what every data function that writes receives.
 * The business comes from the signed-in member's membership (or, later, the API key), never from input.
 */
export type Actor = {
  businessId: string;
  type: 'member';
  id: string; // the membership id
  name: string;
  role: MemberRole;
  requestId: string;
};

export class NotAllowedError extends Error {
  constructor(readonly reason: 'signed-out' | 'forbidden') {
    super(reason === 'signed-out' ? 'Not signed in' : 'Not allowed');
    this.name = 'NotAllowedError';
  }
}

/** Refuses, inside the data layer itself, what the actor's role may not do. */
export function assertCan(actor: Pick<Actor, 'role'>, permission: Permission): void {
  if (!can(actor.role, permission)) throw new NotAllowedError('forbidden');
}

export function notAllowedMessage(error: NotAllowedError): string {
  return error.reason === 'signed-out'
    ? 'Your session has ended. Sign in again to continue; nothing was saved.'
    : 'Your role does not allow this. Ask an owner or admin of the business.';
}
