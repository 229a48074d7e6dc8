import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// Layout checks shared by the specs: nothing on a page may scroll sideways (a 390 px phone).

/** How wide the page's content is, against the window: the page scrolls sideways when wider. */
function pageWidths(page: Page) {
  return page.evaluate(() => ({
    window: window.innerWidth,
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
}

/** The page and its body fit the window's width: nothing scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, what = 'the page') {
  const widths = await pageWidths(page);
  expect(widths.document, `${what}: the page is wider than the window`).toBeLessThanOrEqual(
    widths.window,
  );
  expect(widths.body, `${what}: the body is wider than the window`).toBeLessThanOrEqual(
    widths.window,
  );
}
