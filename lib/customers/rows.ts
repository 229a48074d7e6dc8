// How a customer is stored: the one place that derives the lower-cased search columns, for the
// data layer and the seed scripts alike. No server imports here.

export function customerColumns(input: { name: string; email: string }) {
  return {
    name: input.name,
    email: input.email,
    nameLower: input.name.toLowerCase(),
    emailLower: input.email.toLowerCase(),
  };
}
