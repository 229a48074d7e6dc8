// Reads the JSON Schemas of the OpenAPI document as short text for people: "string (date-time) | null",
// "Customer[]", "1 to 255 characters". Pure functions, shared by the docs page's tables.

export type JsonSchema = { [key: string]: unknown };

export type SchemaField = {
  name: string;
  type: string;
  /** The component a field's type names (for a link), e.g. "Customer" in "Customer[]". */
  typeRef: string | null;
  required: boolean;
  description: string | null;
  constraints: string[];
};

const REF_PREFIX = '#/components/schemas/';

export function refName(schema: JsonSchema): string | null {
  const ref = schema.$ref;
  return typeof ref === 'string' && ref.startsWith(REF_PREFIX)
    ? ref.slice(REF_PREFIX.length)
    : null;
}

/** The alternatives of a schema: its anyOf/oneOf branches, or itself. */
function branches(schema: JsonSchema): JsonSchema[] {
  const list = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return list ?? [schema];
}

/** A type as people read it. */
export function describeType(schema: JsonSchema): string {
  const name = refName(schema);
  if (name) return name;
  if (schema.anyOf || schema.oneOf) return branches(schema).map(describeType).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum))
    return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => describeType({ ...schema, type })).join(' | ');
  }
  switch (schema.type) {
    case 'array':
      return schema.maxItems === 0
        ? 'array (always empty)'
        : `${describeType((schema.items as JsonSchema | undefined) ?? {})}[]`;
    case 'object': {
      const values = schema.additionalProperties;
      return values && typeof values === 'object' && !schema.properties
        ? `object of ${describeType(values as JsonSchema)}`
        : 'object';
    }
    case 'string':
      return typeof schema.format === 'string' ? `string (${schema.format})` : 'string';
    case undefined:
      return 'any';
    default:
      return String(schema.type);
  }
}

/** The first schema a type refers to, for a link: "Customer" for Customer[] or Customer | null. */
function referencedName(schema: JsonSchema): string | null {
  for (const branch of branches(schema)) {
    const name = refName(branch) ?? (branch.items ? refName(branch.items as JsonSchema) : null);
    if (name) return name;
  }
  return null;
}

/** Limits and defaults of a value: "1 to 255 characters", "at least 0", "default 10". */
export function describeConstraints(schema: JsonSchema): string[] {
  const constraints: string[] = [];
  for (const branch of branches(schema)) {
    const { minLength, maxLength, minimum, maximum } = branch as Record<string, number | undefined>;
    if (minLength !== undefined && maxLength !== undefined) {
      constraints.push(`${minLength} to ${maxLength} characters`);
    } else if (minLength !== undefined) constraints.push(`at least ${minLength} characters`);
    else if (maxLength !== undefined) constraints.push(`at most ${maxLength} characters`);
    if (minimum !== undefined && maximum !== undefined) {
      constraints.push(`${minimum} to ${maximum}`);
    } else if (minimum !== undefined) constraints.push(`at least ${minimum}`);
    else if (maximum !== undefined) constraints.push(`at most ${maximum}`);
  }
  if ('default' in schema) constraints.push(`default ${JSON.stringify(schema.default)}`);
  return constraints;
}

/** The inline object a field holds (also when it may be null), whose fields are listed under it. */
function nestedObject(schema: JsonSchema): JsonSchema | null {
  const objects = branches(schema).filter(
    (branch) => branch.type === 'object' && branch.properties,
  );
  return objects.length === 1 ? objects[0] : null;
}

/** The fields of an object schema, in declaration order; an inline object's fields follow it, dotted. */
export function fieldsOf(schema: JsonSchema, prefix = ''): SchemaField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  return Object.entries(properties).flatMap(([name, property]) => {
    const field: SchemaField = {
      name: `${prefix}${name}`,
      type: describeType(property),
      typeRef: referencedName(property),
      required: required.includes(name),
      description: typeof property.description === 'string' ? property.description : null,
      constraints: describeConstraints(property),
    };
    const nested = nestedObject(property);
    return [field, ...(nested ? fieldsOf(nested, `${field.name}.`) : [])];
  });
}
