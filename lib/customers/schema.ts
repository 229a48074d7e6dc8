/** A customer as pickers and lists show it. */
export type CustomerOption = { id: string; name: string; email: string };
