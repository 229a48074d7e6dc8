import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { readEnv } from '@/lib/env';
import { PermanentDeliveryError } from '@/lib/outbox/errors';

export type Email = { to: string; subject: string; text: string };

export { emailIsConfigured as emailConfigured } from './status';

let cached: { url: string; transporter: Transporter } | null = null;

function transporter(url: string): Transporter {
  if (cached?.url !== url) {
    cached = {
      url,
      // Bounded waits: a delivery ends well inside the outbox worker's lease (LEASE_MS).
      transporter: nodemailer.createTransport({
        url,
        connectionTimeout: 20_000,
        greetingTimeout: 20_000,
        socketTimeout: 60_000,
      } as Parameters<typeof nodemailer.createTransport>[0]),
    };
  }
  return cached.transporter;
}

/**
 * Sends one email through KEYDESK_SMTP_URL. A 5xx answer (a refused recipient, say) throws
 * PermanentDeliveryError: retrying the same message cannot help. A refused login (535) is not
 * permanent: the configuration may be fixed before the next attempt. Anything else (no connection,
 * a 4xx) is an ordinary error, retried with backoff.
 */
export async function sendEmail(email: Email): Promise<void> {
  const { smtpUrl, mailFrom } = readEnv();
  if (!smtpUrl) throw new PermanentDeliveryError('Email is not configured (KEYDESK_SMTP_URL)');
  try {
    await transporter(smtpUrl).sendMail({ from: mailFrom, ...email });
  } catch (error) {
    const { responseCode, code } = error as { responseCode?: number; code?: string };
    if (responseCode && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH') {
      throw new PermanentDeliveryError(describe(error));
    }
    throw new Error(describe(error));
  }
}

/** The mail server's answer, or the error's message; never the connection URL (it holds the password). */
function describe(error: unknown): string {
  const { response, message } = error as { response?: string; message?: string };
  const text = response || message || String(error);
  const { smtpUrl } = readEnv();
  return smtpUrl ? text.split(smtpUrl).join('(KEYDESK_SMTP_URL)') : text;
}
