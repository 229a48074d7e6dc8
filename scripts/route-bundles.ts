// What each page of the last `next build` ships to the browser, from `.next` alone: the JavaScript
// its client reference manifest lists for the page and its layouts (plus Next's own root chunks),
// gzipped, and which of those chunks hold a given text (`--grep recharts-wrapper` finds Recharts,
// whose class names survive minifying). Run after `npm run build`:
//   npx tsx scripts/route-bundles.ts [--grep <text>] [route ...]
// A route is its folder under app/ (`/(dashboard)/license-keys/(list)`); none: every page.
// These are the chunks a first visit may load; lazily loaded chunks (next/dynamic) are not listed
// in the manifest and are reported only by --grep over every chunk.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import vm from 'node:vm';

const NEXT = path.resolve('.next');
const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const needle = grepAt >= 0 ? args.splice(grepAt, 2)[1] : undefined;

const sizes = new Map<string, { gzip: number; has: boolean }>();
function chunk(file: string) {
  let known = sizes.get(file);
  if (!known) {
    const body = readFileSync(path.join(NEXT, file));
    known = { gzip: gzipSync(body).length, has: needle ? body.includes(needle) : false };
    sizes.set(file, known);
  }
  return known;
}

function manifests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return entry.name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

type Manifest = { entryJSFiles: Record<string, string[]> };
function readManifest(file: string): [string, Manifest] {
  const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
  sandbox.globalThis = sandbox.self;
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const all = (sandbox.self.__RSC_MANIFEST ?? {}) as Record<string, Manifest>;
  const [[route, manifest]] = Object.entries(all);
  return [route.replace(/\/page$/, '') || '/', manifest];
}

const build = JSON.parse(readFileSync(path.join(NEXT, 'build-manifest.json'), 'utf8')) as {
  rootMainFiles: string[];
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const rows = manifests(path.join(NEXT, 'server/app'))
  .map(readManifest)
  .filter(([route]) => args.length === 0 || args.includes(route))
  .sort(([a], [b]) => a.localeCompare(b));

for (const [route, manifest] of rows) {
  // The page's own entry and its layouts' (keys are the segments' module paths).
  const segments = Object.entries(manifest.entryJSFiles).filter(([key]) => {
    const segment = key.replace('[project]/app', '') || '/';
    const name = segment.slice(segment.lastIndexOf('/') + 1);
    const folder = segment.slice(0, segment.lastIndexOf('/')) || '/';
    return (
      (name === 'page' && folder === route) ||
      (name === 'layout' && (route === folder || route.startsWith(`${folder}/`) || folder === '/'))
    );
  });
  const files = new Set([...build.rootMainFiles, ...segments.flatMap(([, list]) => list)]);
  const total = [...files].reduce((sum, file) => sum + chunk(file).gzip, 0);
  const holding = needle ? [...files].filter((file) => chunk(file).has) : [];
  console.log(
    `${route.padEnd(48)} ${kb(total).padStart(9)} gzip, ${files.size} chunks` +
      (needle ? `; with "${needle}": ${holding.length ? holding.join(', ') : 'none'}` : ''),
  );
}

if (needle) {
  const everywhere = readdirSync(path.join(NEXT, 'static/chunks'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `static/chunks/${name}`)
    .filter((file) => chunk(file).has);
  console.log(
    `\nEvery chunk holding "${needle}": ${everywhere.map((f) => `${f} (${kb(chunk(f).gzip)})`).join(', ') || 'none'}`,
  );
}
