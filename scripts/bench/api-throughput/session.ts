import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { readEnv } from '@/lib/env';

// A signed-in dashboard session for ../api-throughput.ts: the demo owner signs in as the sign-in
// form does, through the signInAction server action of the running build (its id is read from the
// build's server-reference manifest), and the session cookie it sets is what the bench sends.

const MANIFEST = '.next/server/server-reference-manifest.json';

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

/** The id Next gave `signInAction` in this build (the `Next-Action` header of a form's POST). */
export function signInActionId(root = process.cwd()): string {
  const manifest = JSON.parse(readFileSync(path.join(root, MANIFEST), 'utf8')) as Manifest;
  const found = Object.entries(manifest.node).find(
    ([, action]) =>
      action.filename === 'lib/auth/actions.ts' && action.exportedName === 'signInAction',
  );
  if (!found) throw new Error(`signInAction is not in ${MANIFEST}: build the app again`);
  return found[0];
}

/**
 * Signs the demo owner in on the server at `origin` and returns the value of a `Cookie` header
 * that carries the session (e.g. `keydesk.session_token=…`).
 */
export async function signedInCookie(
  origin: string,
  email = DEMO_ACCOUNTS.acmeOwner.email,
  password = readEnv().demoPassword,
): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'next-action': signInActionId(),
      origin,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
    },
    body: JSON.stringify([{ email, password, next: '/' }]),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .filter((pair) => pair.includes('session_token=') && !pair.endsWith('='))
    .join('; ');
  if (!cookie) {
    const text = await response.text();
    throw new Error(
      `Signing in answered ${response.status} without a session: ${text.slice(0, 300)}`,
    );
  }
  await response.body?.cancel();
  return cookie;
}
