import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

// A real SMTP server on loopback for the tests (smtp-server, from the Nodemailer project): what
// Keydesk sends is received, parsed and kept in memory. Used in-process by the integration tests
// and, over HTTP, by the end-to-end tests (scripts/mail-test-server.ts).

export type ReceivedMail = {
  /** Order of arrival, from 1. */
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
};

export type MailServerOptions = {
  port?: number;
  /**
   * Before a connection is served (its greeting waits until this resolves): a test holds a sender
   * here to kill it before it sends.
   */
  onConnect?: () => Promise<void>;
};

export type MailServer = {
  port: number;
  messages: ReceivedMail[];
  /** Resolves once `count` messages have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  close(): Promise<void>;
};

/**
 * Starts the server on 127.0.0.1 (port 0: any free port). Recipients refused on purpose, to test
 * failures: `bounce…@…` always (550, permanent), `bounce-once…@…` the first time it is seen.
 */
export async function startMailServer(options: MailServerOptions = {}): Promise<MailServer> {
  const messages: ReceivedMail[] = [];
  const seen = new Set<string>();
  const waiters: (() => void)[] = [];
  const config: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      (options.onConnect?.() ?? Promise.resolve()).then(() => callback(), callback);
    },
    onRcptTo(address, _session, callback) {
      const local = address.address.toLowerCase().split('@')[0];
      const once = local.startsWith('bounce-once');
      if ((local.startsWith('bounce') && !once) || (once && !seen.has(local))) {
        seen.add(local);
        const error = new Error('5.1.1 Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to ?? []]
            .flat()
            .flatMap((group) => group.value.map((entry) => entry.address ?? ''));
          messages.push({
            id: messages.length + 1,
            from: mail.from?.text ?? '',
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            receivedAt: new Date().toISOString(),
          });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch(callback);
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    messages,
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Expected ${count} mails, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.min(left, 200));
        });
      }
      return messages;
    },
    clear() {
      messages.splice(0);
      seen.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
