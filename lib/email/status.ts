import { readEnv } from '@/lib/env';

/**
 * Whether KEYDESK_SMTP_URL is set, for pages to decide between "Send email" and the text to copy
 * (no nodemailer import: safe for any server module).
 */
export function emailIsConfigured(): boolean {
  return Boolean(readEnv().smtpUrl);
}
