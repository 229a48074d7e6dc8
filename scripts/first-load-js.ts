// The JavaScript a browser loads to open each page (its "first load"), compressed, from the last
// `next build`, and the dashboard's budgets for it.
//
// What the browser loads is what the page's HTML names in its <script> tags, and Next chooses those
// the way it renders the route (next/dist/server/app-render/create-component-tree.js): its runtime
// (build-manifest.json's rootMainFiles), then, from the route's client reference manifest, the
// chunks of each layout, template, error boundary, loading state and page on the route's path and of
// the root's global-error. The not-found, forbidden and unauthorized boundaries bring their styles
// only: their client code is fetched when one of them is shown, so it is not counted (counting it,
// as this script first did, put /license-keys at 196.7 KB where the browser loaded 193.8 KB: the
// root not-found's next/link chunk). The polyfill chunk is `nomodule`: a current browser skips it.
//
// Checked against Chromium (e2e/first-load-js.spec.ts opens pages and compares, file by file): the
// same files, and the same sum of gzip -9 of each body. Two differences remain, by design:
// - the bytes on the wire: `next start` compresses at gzip's default level, about 0.5% more
//   (194.5 KB on the wire for /license-keys, 193.4 KB here);
// - chunks loaded after hydration on demand: a `next/dynamic` component (the overview's chart and
//   Recharts, the dialogs) fetches its code once the page runs, and an interaction loads more. The
//   page is usable without them; they are not part of the first load.
//
// `npx tsx scripts/first-load-js.ts` prints the table; `--check` (run by `npm test` after the
// end-to-end step, on the build that step made) exits 1 when a dashboard route is over its budget.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const MANIFEST = 'page_client-reference-manifest.js';
/** Boundaries that Next renders with their styles only: their scripts load when they are shown. */
const STYLES_ONLY = new Set(['not-found', 'forbidden', 'unauthorized']);

/** Budgets in KB (1,000 bytes, compressed): the issue form, then every other dashboard page. */
export const BUDGETS_KB = { issueForm: 170, dashboard: 150 } as const;

/** The budget of a route (its name in the manifest, e.g. "/(dashboard)/customers/[id]/page"), or null. */
export function budgetOf(name: string): number | null {
  if (!name.startsWith('/(dashboard)/')) return null;
  return routeOf(name) === '/license-keys/new' ? BUDGETS_KB.issueForm : BUDGETS_KB.dashboard;
}

export type RouteFirstLoad = {
  /** The URL pattern: "/customers/[id]". */
  route: string;
  /** The page's name in Next's manifests: "/(dashboard)/customers/[id]/page". */
  name: string;
  /** The chunk files (relative to .next) its HTML loads, in order. */
  chunks: string[];
  /** Their gzip -9 sizes, summed, in KB. */
  kb: number;
};

/** Every page of the build at `nextDir`, with the chunks its first load fetches and their size. */
export function firstLoad(nextDir = path.resolve('.next')): RouteFirstLoad[] {
  if (!existsSync(path.join(nextDir, 'build-manifest.json'))) {
    throw new Error(`No build in ${nextDir}: run \`next build\` first.`);
  }
  const build = JSON.parse(readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const sizes = new Map<string, number>();
  const gzipSize = (chunk: string) => {
    let size = sizes.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(nextDir, chunk)), { level: 9 }).length;
      sizes.set(chunk, size);
    }
    return size;
  };
  const routes: RouteFirstLoad[] = [];
  for (const file of manifests(path.join(nextDir, 'server/app'))) {
    const holder = {
      __RSC_MANIFEST: {} as Record<string, { entryJSFiles?: Record<string, string[]> }>,
    };
    new Function('globalThis', readFileSync(file, 'utf8'))(holder);
    for (const [name, manifest] of Object.entries(holder.__RSC_MANIFEST)) {
      const chunks = new Set(build.rootMainFiles);
      for (const [entry, files] of Object.entries(manifest.entryJSFiles ?? {})) {
        if (!rendersScripts(entry, name)) continue;
        for (const f of files) chunks.add(f);
      }
      const list = [...chunks];
      const bytes = list.reduce((sum, chunk) => sum + gzipSize(chunk), 0);
      routes.push({ route: routeOf(name), name, chunks: list, kb: bytes / 1000 });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/** Route (as a URL pattern) → the chunk files its first load fetches. */
export function firstLoadChunks(nextDir?: string): Map<string, string[]> {
  return new Map(firstLoad(nextDir).map((r) => [r.route, r.chunks]));
}

/** Whether the HTML of page `name` carries the scripts of `entry` ("[project]/app/(dashboard)/error"). */
function rendersScripts(entry: string, name: string): boolean {
  const convention = entry.slice(entry.lastIndexOf('/') + 1);
  // The /_not-found page is the root not-found boundary itself.
  return !STYLES_ONLY.has(convention) || name === '/_not-found/page';
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

export type BudgetRow = RouteFirstLoad & { budget: number | null; over: boolean };

/** Each route with its budget; `over` when its first load is larger than the budget. */
export function checkBudgets(
  routes: RouteFirstLoad[],
  budget: (name: string) => number | null = budgetOf,
): BudgetRow[] {
  return routes.map((r) => {
    const b = budget(r.name);
    return { ...r, budget: b, over: b !== null && r.kb > b };
  });
}

/** The table: route, first load, budget and a verdict for the routes that have one. */
export function formatTable(rows: BudgetRow[]): string {
  const width = Math.max(...rows.map((r) => r.route.length));
  return rows
    .map((r) => {
      const figure = `${r.route.padEnd(width)}  ${r.kb.toFixed(1).padStart(6)} KB`;
      if (r.budget === null) return figure;
      const verdict = r.over ? `OVER by ${(r.kb - r.budget).toFixed(1)} KB` : 'ok';
      return `${figure}  / ${String(r.budget).padStart(3)} KB  ${verdict}`;
    })
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const nextDir = process.env.FIRST_LOAD_NEXT_DIR ?? path.resolve('.next');
  // FIRST_LOAD_BUDGET_KB replaces every budget (scripts/first-load-js.test.ts proves with it that
  // the check fails for real).
  const flat = process.env.FIRST_LOAD_BUDGET_KB ? Number(process.env.FIRST_LOAD_BUDGET_KB) : null;
  const rows = checkBudgets(
    firstLoad(nextDir),
    flat === null ? budgetOf : (name) => (budgetOf(name) === null ? null : flat),
  );
  console.log(
    'First-load JavaScript per route (gzip -9, KB = 1,000 bytes; budget for dashboard pages)',
  );
  console.log(formatTable(rows));
  const over = rows.filter((r) => r.over);
  if (check && over.length > 0) {
    console.error(
      `\n✗ ${over.length} dashboard route${over.length === 1 ? ' is' : 's are'} over budget: ${over.map((r) => r.route).join(', ')}`,
    );
    process.exit(1);
  }
  if (check) console.log(`\n✓ every dashboard route within its budget`);
}
