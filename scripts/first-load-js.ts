// The JavaScript a browser loads to open each page (its "first load"), compressed, from the last
// `next build`: Next's runtime (build-manifest.json's rootMainFiles) and every chunk the route's
// layouts, boundaries and page name in its client reference manifest. Chunks loaded later on demand
// (next/dynamic, a chart) are not part of it. `npx tsx scripts/first-load-js.ts` prints the table.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const NEXT = path.resolve('.next');
const APP = path.join(NEXT, 'server/app');
const MANIFEST = 'page_client-reference-manifest.js';

/** Route (as a URL pattern) → the chunk files its first load fetches. */
export function firstLoadChunks(): Map<string, string[]> {
  const build = JSON.parse(readFileSync(path.join(NEXT, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const routes = new Map<string, string[]>();
  for (const file of manifests(APP)) {
    const holder = {
      __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }>,
    };
    new Function('globalThis', readFileSync(file, 'utf8'))(holder);
    for (const [name, manifest] of Object.entries(holder.__RSC_MANIFEST)) {
      const chunks = new Set(build.rootMainFiles);
      for (const files of Object.values(manifest.entryJSFiles))
        for (const f of files) chunks.add(f);
      routes.set(routeOf(name), [...chunks]);
    }
  }
  return routes;
}

/** "/(dashboard)/license-keys/(list)/page" → "/license-keys". */
function routeOf(name: string): string {
  const parts = name.split('/').filter((p) => p && p !== 'page' && !/^\(.*\)$/.test(p));
  return `/${parts.join('/')}`;
}

function* manifests(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* manifests(full);
    else if (entry === MANIFEST) yield full;
  }
}

const gzipped = new Map<string, number>();
function gzipSize(chunk: string): number {
  let size = gzipped.get(chunk);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(NEXT, chunk)), { level: 9 }).length;
    gzipped.set(chunk, size);
  }
  return size;
}

/** Route → first-load JavaScript in KB (1,000 bytes), gzip level 9 (what a server sends at best). */
export function firstLoadKb(): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [route, chunks] of firstLoadChunks()) {
    sizes.set(route, chunks.reduce((sum, chunk) => sum + gzipSize(chunk), 0) / 1000);
  }
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = [...firstLoadKb()].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...sizes.map(([route]) => route.length));
  for (const [route, kb] of sizes)
    console.log(`${route.padEnd(width)}  ${kb.toFixed(1).padStart(6)} KB`);
}
