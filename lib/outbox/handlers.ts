import 'server-only';
import { renderPasswordResetEmail } from '@/lib/auth/data-password-reset';
import { emailHandler } from '@/lib/email/handler';
import { EMAIL_KIND } from '@/lib/email/payload';
import { renderLicenseKeyEmail } from '@/lib/license-keys/data-email';
import { renderInviteEmail } from '@/lib/members/data-invite-email';
import { renderWebhookDisabledEmail } from '@/lib/webhooks/data-disabled-email';
import type { OutboxHandlers } from './worker';

/** Who delivers each kind of outbox message (webhooks have their own tables: lib/webhooks). */
export function outboxHandlers(): OutboxHandlers {
  return {
    [EMAIL_KIND]: emailHandler({
      license_key: renderLicenseKeyEmail,
      invite: renderInviteEmail,
      password_reset: renderPasswordResetEmail,
      webhook_disabled: renderWebhookDisabledEmail,
    }),
  };
}
