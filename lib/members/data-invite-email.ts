import 'server-only';
import type { Actor } from '@/lib/auth/authorize';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { EMAIL_KIND, type EmailPayload } from '@/lib/email/payload';
import { inviteEmail, type EmailContent } from '@/lib/email/templates';
import { readEnv } from '@/lib/env';
import { enqueueOutboxMessage } from '@/lib/outbox/data';
import { PermanentDeliveryError } from '@/lib/outbox/errors';
import type { Tx } from './shared';

/** The link an invite token opens, on KEYDESK_URL. */
export function inviteUrl(token: string): string {
  return `${new URL(readEnv().publicUrl).origin}/invite/${token}`;
}

/**
 * Queues the invite email in the invite's own transaction. Its payload holds the link (the token
 * is stored nowhere else but as a hash) until the message is sent or has failed for good; then the
 * worker removes it (scrubEmailPayload).
 */
export async function queueInviteEmail(
  tx: Tx,
  actor: Actor,
  invite: { id: string; email: string; token: string },
  now: Date,
): Promise<void> {
  const payload: EmailPayload = {
    template: 'invite',
    to: invite.email,
    inviteId: invite.id,
    inviteUrl: inviteUrl(invite.token),
  };
  await enqueueOutboxMessage(
    tx,
    {
      kind: EMAIL_KIND,
      businessId: actor.businessId,
      subject: { type: 'invite', id: invite.id },
      payload,
    },
    now,
  );
}

/**
 * The worker's renderer of template "invite". An invite that is no longer pending (accepted,
 * revoked, expired) is not mailed: its link would not work.
 */
export async function renderInviteEmail(
  payload: Extract<EmailPayload, { template: 'invite' }>,
  message: { now: Date },
): Promise<EmailContent> {
  const invite = await db.invite.findUnique({
    where: { id: payload.inviteId },
    select: {
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      business: { select: { name: true } },
    },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= message.now) {
    throw new PermanentDeliveryError('The invite is no longer pending');
  }
  if (!payload.inviteUrl) throw new PermanentDeliveryError('The invite link is no longer kept');
  return inviteEmail({
    businessName: invite.business.name,
    roleLabel: ROLE_LABELS[invite.role],
    inviteUrl: payload.inviteUrl,
    expiresAt: invite.expiresAt,
  });
}
