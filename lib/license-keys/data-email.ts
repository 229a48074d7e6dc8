import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { EMAIL_KIND, type EmailPayload } from '@/lib/email/payload';
import { licenseKeyEmail, type EmailContent } from '@/lib/email/templates';
import { emailConfigured } from '@/lib/email/transport';
import { maskLicenseKey } from '@/lib/log';
import {
  enqueueOutboxMessage,
  listOutboxMessages,
  requeueFailedOutboxMessage,
} from '@/lib/outbox/data';
import { PermanentDeliveryError } from '@/lib/outbox/errors';
import { wakeOutbox } from '@/lib/outbox/wake';
import { fail, ok, type Result } from '@/lib/result';
import type { KeyEmailPreview, KeyEmailView } from './email-schema';

// "Email key to customer": the preview, queuing the email (in the outbox, with its audit event,
// in one transaction), the list of a key's emails, a retry, and the rendering at send time. The
// outbox payload holds the key's id, never the key: the worker reads the key when it sends.

const SUBJECT_TYPE = 'license_key';

const emailFactsSelect = {
  key: true,
  activationsLimit: true,
  expiresAt: true,
  customer: { select: { name: true, email: true } },
  product: { select: { name: true } },
  business: { select: { name: true } },
} as const;

async function readEmailFacts(businessId: string, id: string) {
  return db.licenseKey.findFirst({ where: { id, businessId }, select: emailFactsSelect });
}

function render(row: NonNullable<Awaited<ReturnType<typeof readEmailFacts>>>): EmailContent {
  return licenseKeyEmail({
    businessName: row.business.name,
    customerName: row.customer.name,
    productName: row.product.name,
    key: row.key,
    activationsLimit: row.activationsLimit,
    expiresAt: row.expiresAt,
  });
}

/** The email the key's customer would get, or null for a key the business does not have. */
export async function previewLicenseKeyEmail(
  actor: Actor,
  id: string,
): Promise<KeyEmailPreview | null> {
  assertCan(actor, 'keys:reveal'); // the email holds the whole key
  const row = await readEmailFacts(actor.businessId, id);
  return row ? { to: row.customer.email, ...render(row) } : null;
}

export type EmailLicenseKeyResult = Result<
  { messageId: string; to: string },
  'LICENSE_KEY_NOT_FOUND' | 'EMAIL_NOT_CONFIGURED'
>;

/** Queues the key's email to its customer's address; the worker sends it. */
export async function emailLicenseKey(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<EmailLicenseKeyResult> {
  assertCan(actor, 'keys:reveal');
  if (!emailConfigured()) return fail('EMAIL_NOT_CONFIGURED');
  const result = await db.$transaction(async (tx): Promise<EmailLicenseKeyResult> => {
    const key = await tx.licenseKey.findFirst({
      where: { id, businessId: actor.businessId },
      select: { id: true, key: true, customer: { select: { email: true } } },
    });
    if (!key) return fail('LICENSE_KEY_NOT_FOUND');
    const to = key.customer.email;
    const payload: EmailPayload = { template: 'license_key', to, licenseKeyId: key.id };
    const messageId = await enqueueOutboxMessage(
      tx,
      {
        kind: EMAIL_KIND,
        businessId: actor.businessId,
        subject: { type: SUBJECT_TYPE, id: key.id },
        payload,
      },
      now,
    );
    await recordAudit(tx, actor, {
      action: 'license_key.emailed',
      objectType: SUBJECT_TYPE,
      objectId: key.id,
      summary: `Emailed the key ${maskLicenseKey(key.key)} to ${to}`,
    });
    return ok({ messageId, to });
  });
  if (result.ok) wakeOutbox();
  return result;
}

/** The key's emails, newest first (the latest 20). */
export async function listLicenseKeyEmails(actor: Actor, id: string): Promise<KeyEmailView[]> {
  assertCan(actor, 'keys:view');
  const messages = await listOutboxMessages(actor.businessId, { type: SUBJECT_TYPE, id });
  return messages.map((message) => ({
    id: message.id,
    to: recipient(message.payload),
    // A claimed email is still on its way: the page says queued until it is sent.
    state: message.state === 'sending' ? 'queued' : message.state,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
    retryAt: message.state === 'queued' && message.attempts > 0 ? message.nextAttemptAt : null,
    lastError: message.lastError,
  }));
}

function recipient(payload: string): string {
  try {
    return String((JSON.parse(payload) as { to?: unknown }).to ?? '');
  } catch {
    return '';
  }
}

/** Queues a failed email of the key again ("Retry"), with all its attempts. */
export async function retryLicenseKeyEmail(
  actor: Actor,
  input: { id: string; messageId: string },
  now = new Date(),
): Promise<Result<{ to: string }, 'EMAIL_NOT_FOUND' | 'EMAIL_NOT_CONFIGURED'>> {
  assertCan(actor, 'keys:reveal');
  if (!emailConfigured()) return fail('EMAIL_NOT_CONFIGURED');
  const result = await db.$transaction(async (tx) => {
    const requeued = await requeueFailedOutboxMessage(
      tx,
      {
        id: input.messageId,
        businessId: actor.businessId,
        subject: { type: SUBJECT_TYPE, id: input.id },
      },
      now,
    );
    if (!requeued) return fail('EMAIL_NOT_FOUND');
    const message = await tx.outboxMessage.findUniqueOrThrow({
      where: { id: input.messageId },
      select: { payload: true },
    });
    const to = recipient(message.payload);
    await recordAudit(tx, actor, {
      action: 'license_key.email_retried',
      objectType: SUBJECT_TYPE,
      objectId: input.id,
      summary: `Retried the email of the key to ${to}`,
    });
    return ok({ to });
  });
  if (result.ok) wakeOutbox();
  return result;
}

/** The worker's renderer of template "license_key": the key as it is now. */
export async function renderLicenseKeyEmail(
  payload: Extract<EmailPayload, { template: 'license_key' }>,
  message: { businessId: string | null },
): Promise<EmailContent> {
  const row = message.businessId
    ? await readEmailFacts(message.businessId, payload.licenseKeyId)
    : null;
  if (!row) throw new PermanentDeliveryError('The license key no longer exists');
  return render(row);
}
