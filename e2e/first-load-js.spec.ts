import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { budgetOf, firstLoad } from '../scripts/first-load-js';
import { expect, test } from './fixtures';

// scripts/first-load-js.ts reads each page's first-load JavaScript from the build's manifests, and
// `npm test` holds the dashboard to budgets with it. Here the browser says whether it reads right:
// four dashboard pages of different kinds (a list, the issue form, a key page with its live
// activations, a settings page), opened signed in as the owner, must name in their HTML (script
// tags and inline RSC payload) exactly the script files the script counts for them, fetch each of
// them, and their bodies (gzip -9, as the script does) must add up to the script's figure. Chunks
// a page fetches later on demand (next/dynamic, a form's schema) are not named in the HTML and are
// not part of the first load.

test.skip(!existsSync('.next/build-manifest.json'), 'no build of this folder to read');

const ROUTES = ['/license-keys', '/license-keys/new', '/license-keys/[id]', '/settings/members'];

test('the first-load figures of dashboard pages are what the browser loads', async ({
  browser,
  db,
  baseURL,
  storageState,
}) => {
  test.setTimeout(60_000);
  const scope = { where: { businessId: DEMO_BUSINESS_ID }, select: { id: true } } as const;
  const keyId = (await db.licenseKey.findFirstOrThrow(scope)).id;
  const routes = firstLoad().filter((r) => ROUTES.includes(r.route));
  expect(routes.map((r) => r.route).toSorted()).toEqual(ROUTES.toSorted());
  expect(routes.every((r) => budgetOf(r.name) !== null)).toBe(true);

  const lines: string[] = [];
  for (const { route, chunks, kb } of routes) {
    const url = route.replace('[id]', keyId);
    // A fresh context per page: an empty cache, so every file the page needs is fetched.
    const context = await browser.newContext({ storageState, baseURL });
    const page = await context.newPage();
    const bodies = new Map<string, Buffer>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const file = new URL(response.url()).pathname.replace(/^\/_next\//, '');
      bodies.set(file, await response.body().catch(() => Buffer.alloc(0)));
    });
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const named = scriptsOf(await response!.text());
    expect(named.toSorted(), `the scripts the HTML of ${url} names`).toEqual(chunks.toSorted());
    for (const chunk of chunks) {
      await expect.poll(() => bodies.has(chunk), `${url} fetches ${chunk}`).toBe(true);
    }
    const loaded =
      chunks.reduce((sum, c) => sum + gzipSync(bodies.get(c)!, { level: 9 }).length, 0) / 1000;
    expect(loaded, url).toBeCloseTo(kb, 1);
    const later = [...bodies.keys()].filter((file) => !chunks.includes(file));
    await context.close();
    lines.push(
      `${route}: ${loaded.toFixed(1)} KB loaded, ${kb.toFixed(1)} KB counted` +
        (later.length ? `; ${later.length} chunk(s) fetched on demand after it` : ''),
    );
  }
  test.info().annotations.push({ type: 'first load', description: lines.join('\n') });
});

/**
 * The script files a page's HTML loads: its <script src> tags (not `nomodule` ones: a current
 * browser skips those) and the chunks its inline RSC payload names, which Next's runtime fetches
 * to hydrate (an error boundary's code, say).
 */
function scriptsOf(html: string): string[] {
  const skipped = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*\bnomodule\b[^>]*>/gi)) {
    const src = tag.match(/\bsrc="\/_next\/([^"]+)"/)?.[1];
    if (src) skipped.add(src);
  }
  const files = new Set<string>();
  for (const [, file] of html.matchAll(/\/_next\/(static\/chunks\/[\w.-]+\.js)/g)) {
    if (!skipped.has(file)) files.add(file);
  }
  return [...files];
}
