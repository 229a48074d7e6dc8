import 'server-only';
import { db } from '@/lib/db';
import { emailIsConfigured } from '@/lib/email/status';
import { EMAIL_KIND, type EmailPayload } from '@/lib/email/payload';
import { webhookDisabledEmail, type EmailContent } from '@/lib/email/templates';
import { readEnv } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { enqueueOutboxMessage } from '@/lib/outbox/data';
import { PermanentDeliveryError } from '@/lib/outbox/errors';
import { describeWebhookUrl } from './endpoint-rows';

/**
 * Tells each owner of the business, by email (when email is configured), that Keydesk disabled the
 * endpoint: queued in the transaction that disables it. The endpoint's page says it too.
 */
export async function queueWebhookDisabledEmails(
  tx: Prisma.TransactionClient,
  endpoint: { id: string; businessId: string },
  now: Date,
): Promise<number> {
  if (!emailIsConfigured()) return 0;
  const owners = await tx.membership.findMany({
    where: { businessId: endpoint.businessId, role: 'owner' },
    select: { user: { select: { email: true } } },
  });
  for (const { user } of owners) {
    const payload: EmailPayload = {
      template: 'webhook_disabled',
      to: user.email,
      webhookId: endpoint.id,
    };
    await enqueueOutboxMessage(
      tx,
      {
        kind: EMAIL_KIND,
        businessId: endpoint.businessId,
        subject: { type: 'webhook_endpoint', id: endpoint.id },
        payload,
      },
      now,
    );
  }
  return owners.length;
}

/** The worker's renderer of template "webhook_disabled"; nothing to say once it is enabled again. */
export async function renderWebhookDisabledEmail(
  payload: Extract<EmailPayload, { template: 'webhook_disabled' }>,
): Promise<EmailContent> {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: payload.webhookId },
    select: { url: true, disabled: true, business: { select: { name: true } } },
  });
  if (!endpoint?.disabled) {
    throw new PermanentDeliveryError('The endpoint is enabled again (or deleted): nothing to say');
  }
  return webhookDisabledEmail({
    businessName: endpoint.business.name,
    url: describeWebhookUrl(endpoint.url),
    endpointPageUrl: `${new URL(readEnv().publicUrl).origin}/settings/webhooks/${payload.webhookId}`,
  });
}
