import { expect } from '@playwright/test';
import type { ReceivedMail } from '../lib/testing/mail-server';
import { mailPorts } from './mail-ports';

// The loopback mail server's HTTP API (scripts/mail-test-server.ts): what the app sent, read back.

const API = `http://127.0.0.1:${mailPorts().http}/messages`;

export async function receivedMail(): Promise<ReceivedMail[]> {
  const response = await fetch(API);
  if (!response.ok) throw new Error(`mail server answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
}

/** Waits for mail to `address` (unique per test) and answers all of it, oldest first. */
export async function mailTo(address: string, count = 1): Promise<ReceivedMail[]> {
  let found: ReceivedMail[] = [];
  await expect
    .poll(
      async () => {
        found = (await receivedMail()).filter((mail) => mail.to.includes(address.toLowerCase()));
        return found.length;
      },
      { timeout: 20_000, message: `mail to ${address}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}
