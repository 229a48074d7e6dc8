import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetOf, checkBudgets, firstLoad } from './first-load-js';

// A build's manifests in miniature: Next's runtime, a dashboard page with its layout, error and
// not-found boundaries, and a sign-in page outside the dashboard. The chunks are random bytes, which
// gzip cannot shrink: each one's compressed size is its length plus a few bytes.
const next = mkdtempSync(path.join(tmpdir(), 'first-load-'));
afterAll(() => rmSync(next, { recursive: true, force: true }));

function chunk(name: string, bytes: number): string {
  mkdirSync(path.join(next, 'static/chunks'), { recursive: true });
  writeFileSync(path.join(next, 'static/chunks', name), randomBytes(bytes));
  return `static/chunks/${name}`;
}

function page(name: string, entryJSFiles: Record<string, string[]>) {
  const dir = path.join(next, 'server/app', path.dirname(name));
  mkdirSync(dir, { recursive: true });
  const manifest = { [name]: { entryJSFiles } };
  writeFileSync(
    path.join(dir, 'page_client-reference-manifest.js'),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
      `globalThis.__RSC_MANIFEST[${JSON.stringify(name)}] = ${JSON.stringify(manifest[name])};`,
  );
}

const runtime = chunk('runtime.js', 40_000);
const layout = chunk('layout.js', 10_000);
const error = chunk('error.js', 5_000);
const notFound = chunk('not-found.js', 30_000);
const form = chunk('form.js', 20_000);
writeFileSync(path.join(next, 'build-manifest.json'), JSON.stringify({ rootMainFiles: [runtime] }));
page('/(dashboard)/license-keys/new/page', {
  '[project]/app/layout': [layout],
  '[project]/app/not-found': [layout, notFound],
  '[project]/app/(dashboard)/error': [layout, error],
  '[project]/app/(dashboard)/forbidden': [layout, notFound],
  '[project]/app/(dashboard)/license-keys/new/page': [layout, form],
});
page('/(auth)/sign-in/page', { '[project]/app/layout': [layout] });

describe('firstLoad', () => {
  it('counts the runtime, layouts, error boundaries and the page, not the not-found or forbidden code', () => {
    const routes = firstLoad(next);
    expect(routes.map((r) => r.route)).toEqual(['/license-keys/new', '/sign-in']);
    const [issueForm] = routes;
    expect(issueForm.chunks).toEqual([runtime, layout, error, form]);
    // 75,000 random bytes, and a few bytes of gzip framing per chunk.
    expect(issueForm.kb).toBeGreaterThan(75);
    expect(issueForm.kb).toBeLessThan(75.2);
  });
});

describe('budgets', () => {
  it('are 170 KB for the issue form, 150 KB for every other dashboard page, none elsewhere', () => {
    expect(budgetOf('/(dashboard)/license-keys/new/page')).toBe(170);
    expect(budgetOf('/(dashboard)/license-keys/[id]/page')).toBe(150);
    expect(budgetOf('/(dashboard)/(overview)/page')).toBe(150);
    expect(budgetOf('/(dashboard)/settings/members/page')).toBe(150);
    expect(budgetOf('/(auth)/sign-in/page')).toBeNull();
  });

  it('mark a route over its budget, and only that one', () => {
    const rows = checkBudgets(firstLoad(next), (name) => (name.includes('dashboard') ? 70 : null));
    expect(rows.map((r) => [r.route, r.over])).toEqual([
      ['/license-keys/new', true],
      ['/sign-in', false],
    ]);
  });
});

describe('npx tsx scripts/first-load-js.ts --check', () => {
  function check(budgetKb: number) {
    return spawnSync('npx', ['tsx', 'scripts/first-load-js.ts', '--check'], {
      encoding: 'utf8',
      env: { ...process.env, FIRST_LOAD_NEXT_DIR: next, FIRST_LOAD_BUDGET_KB: String(budgetKb) },
    });
  }

  it('fails when a dashboard route is over budget, printing every figure', () => {
    const result = check(1);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /\/license-keys\/new\s+75\.\d KB\s+\/\s+1 KB\s+OVER by 74\.\d KB/,
    );
    expect(result.stdout).toMatch(/\/sign-in\s+50\.\d KB\n/);
    expect(result.stderr).toContain('1 dashboard route is over budget: /license-keys/new');
  });

  it('passes when every dashboard route is within budget', () => {
    const result = check(100);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\/license-keys\/new\s+75\.\d KB\s+\/\s+100 KB\s+ok/);
  });
});
