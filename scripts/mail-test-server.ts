// A mail server for the end-to-end tests: real SMTP on loopback (lib/testing/mail-server.ts), and
// what it received over a small HTTP API, like Mailpit's, for the specs to read back:
//   GET    /messages   every message received, oldest first: [{ id, from, to, subject, text, receivedAt }]
//   DELETE /messages   forgets them
//   GET    /health     200 once listening (Playwright's webServer waits for it)
// Usage: tsx scripts/mail-test-server.ts --smtp-port 3125 --http-port 3126
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { startMailServer } from '@/lib/testing/mail-server';

const { values } = parseArgs({
  options: { 'smtp-port': { type: 'string' }, 'http-port': { type: 'string' } },
});
const smtpPort = Number(values['smtp-port'] ?? 2525);
const httpPort = Number(values['http-port'] ?? 2526);

const mail = await startMailServer({ port: smtpPort });
const http = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const answer = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (path === '/health') return answer(200, { ok: true });
  if (path === '/messages' && request.method === 'GET') return answer(200, mail.messages);
  if (path === '/messages' && request.method === 'DELETE') {
    mail.clear();
    return answer(200, { ok: true });
  }
  answer(404, { error: 'not found' });
});
http.listen(httpPort, '127.0.0.1', () => {
  console.log(`Test mail server: SMTP 127.0.0.1:${mail.port}, HTTP http://127.0.0.1:${httpPort}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    http.close();
    void mail.close().then(() => process.exit(0));
  });
}
