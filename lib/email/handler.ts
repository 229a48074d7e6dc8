import 'server-only';
import type { ClaimedMessage } from '@/lib/outbox/data';
import type { OutboxHandler } from '@/lib/outbox/worker';
import { PermanentDeliveryError } from '@/lib/outbox/errors';
import {
  emailPayloadSchema,
  scrubEmailPayload,
  type EmailPayload,
  type EmailTemplate,
} from './payload';
import type { EmailContent } from './templates';
import { sendEmail } from './transport';

/**
 * Renders one template's email at send time from the payload's references (a key is read now, a
 * reset link made now). Throws PermanentDeliveryError when there is nothing to send any more (the
 * key is gone, the invite was revoked).
 */
export type EmailRenderer<T extends EmailTemplate> = (
  payload: Extract<EmailPayload, { template: T }>,
  message: { businessId: string | null; now: Date },
) => Promise<EmailContent>;

export type EmailRenderers = { [T in EmailTemplate]: EmailRenderer<T> };

/** The outbox handler of kind "email": render, then send through KEYDESK_SMTP_URL. */
export function emailHandler(renderers: EmailRenderers): OutboxHandler {
  return {
    async deliver(message: ClaimedMessage, now: Date) {
      const payload = parse(message.payload);
      const render = renderers[payload.template] as EmailRenderer<typeof payload.template>;
      const content = await render(payload as never, { businessId: message.businessId, now });
      await sendEmail({ to: payload.to, ...content });
    },
    scrub(raw: string) {
      try {
        return JSON.stringify(scrubEmailPayload(parse(raw)));
      } catch {
        return '{}';
      }
    },
  };
}

function parse(raw: string): EmailPayload {
  const parsed = emailPayloadSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new PermanentDeliveryError('The message is not a Keydesk email');
  return parsed.data;
}
