import { z } from 'zod';

// What an email outbox message (kind "email") carries: the recipient and references to render it
// from when it is sent. Never a whole license key (the key is read at send time). No server imports.

export const EMAIL_KIND = 'email';

export const emailPayloadSchema = z.discriminatedUnion('template', [
  z.object({ template: z.literal('license_key'), to: z.string(), licenseKeyId: z.string() }),
  z.object({
    template: z.literal('invite'),
    to: z.string(),
    inviteId: z.string(),
    /** The one-time link, until the message is settled; then removed (scrubEmailPayload). */
    inviteUrl: z.string().optional(),
  }),
  // The reset link's token is made when the email is sent; only its hash is ever stored.
  z.object({ template: z.literal('password_reset'), to: z.string(), passwordResetId: z.string() }),
  // To each owner, when Keydesk disables an endpoint whose every delivery failed for 5 days.
  z.object({ template: z.literal('webhook_disabled'), to: z.string(), webhookId: z.string() }),
]);

export type EmailPayload = z.infer<typeof emailPayloadSchema>;
export type EmailTemplate = EmailPayload['template'];

/** The payload without its secrets, kept once the message is sent or has failed for good. */
export function scrubEmailPayload(payload: EmailPayload): EmailPayload {
  if (payload.template !== 'invite') return payload;
  return { template: payload.template, to: payload.to, inviteId: payload.inviteId };
}
