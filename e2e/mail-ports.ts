/**
 * The ports of the loopback mail server of the end-to-end tests (scripts/mail-test-server.ts):
 * SMTP, which the app sends to, and the HTTP API the specs read mail from. Next to E2E_PORT's.
 */
export function mailPorts(appPort = Number(process.env.E2E_PORT ?? 3100)) {
  return { smtp: appPort + 25, http: appPort + 26 };
}
