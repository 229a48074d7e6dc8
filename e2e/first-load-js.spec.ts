import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { budgetOf, firstLoad } from '../scripts/first-load-js';
import { expect, test } from './fixtures';

// scripts/first-load-js.ts reads each page's first-load JavaScript from the build's manifests, and
// `npm test` holds the dashboard to budgets with it. Here the browser says whether it reads right:
// every dashboard page, opened signed in as the owner, must name in its HTML (script tags and inline
// RSC payload) exactly the script files the script counts for it, fetch each of them, and their
// bodies (gzip -9, as the script does) must add up to the script's figure. Chunks a page fetches
// later on demand (next/dynamic) are not named in the HTML and are not part of the first load.

test.skip(!existsSync('.next/build-manifest.json'), 'no build of this folder to read');

test('the first-load figures of every dashboard page are what the browser loads', async ({
  browser,
  db,
  baseURL,
  storageState,
}) => {
  test.setTimeout(120_000);
  const scope = { where: { businessId: DEMO_BUSINESS_ID }, select: { id: true } } as const;
  const ids = {
    '/license-keys/[id]': (await db.licenseKey.findFirstOrThrow(scope)).id,
    '/customers/[id]': (await db.customer.findFirstOrThrow(scope)).id,
    '/products/[id]/edit': (await db.product.findFirstOrThrow(scope)).id,
  } as Record<string, string>;
  const routes = firstLoad().filter((r) => budgetOf(r.name) !== null);
  expect(routes.map((r) => r.route)).toContain('/license-keys/new');

  const lines: string[] = [];
  for (const { route, chunks, kb } of routes) {
    const url = route.replace('[id]', () => {
      if (!ids[route]) throw new Error(`No id to open ${route} with: add one above`);
      return ids[route];
    });
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
