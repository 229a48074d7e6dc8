// One page of a list, as the data layer takes it: `pageNumber` from 0, as Dodo's API counts.
// No server imports here.

export type Page = { pageNumber: number; pageSize: number };

export function skipTake(page: Page) {
  return { skip: page.pageNumber * page.pageSize, take: page.pageSize };
}
