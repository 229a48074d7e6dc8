// How a product's name is stored: with its lower-cased search column, for the data layer and the
// seed scripts alike. No server imports here.

export function productNameColumns(name: string) {
  return { name, nameLower: name.toLowerCase() };
}
