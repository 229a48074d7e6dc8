import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ApiGuide, GUIDE_SECTIONS } from '@/components/docs/api-guide';
import { TextWithCode } from '@/components/docs/code-block';
import { FieldsTable } from '@/components/docs/fields-table';
import { OperationSection, type DocOperation } from '@/components/docs/operation-section';
import { fieldsOf, refName, type JsonSchema } from '@/components/docs/schema-text';
import { readEnv } from '@/lib/env';
import { buildOpenApiDocument } from '@/lib/http/openapi';

export const metadata: Metadata = {
  title: 'API reference',
  description: 'The Keydesk REST API: authentication, the dodopayments SDK, and every endpoint.',
};

/** The schemas answers refer to, directly or through their fields, in document order. */
function answerSchemaNames(schemas: Record<string, JsonSchema>, operations: DocOperation[]) {
  const names = new Set<string>();
  const visit = (name: string | null) => {
    if (!name || names.has(name) || !schemas[name]) return;
    names.add(name);
    for (const field of fieldsOf(schemas[name])) visit(field.typeRef);
  };
  for (const operation of operations) {
    for (const response of Object.values(operation.responses)) {
      const schema = response.content?.['application/json'].schema;
      if (schema) visit(refName(schema));
    }
  }
  return Object.keys(schemas).filter((name) => names.has(name));
}

/** Public: what a developer needs to call the API, rendered from its OpenAPI document. */
export default async function ApiReferencePage() {
  await connection(); // the server's own URL and rate limits, read when the page is asked for
  const env = readEnv();
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      path,
      method,
      operation: operation as DocOperation,
    })),
  );
  const schemas = document.components.schemas as Record<string, JsonSchema>;
  const answerSchemas = answerSchemaNames(
    schemas,
    operations.map(({ operation }) => operation),
  );
  const tagId = (name: string) => `tag-${name.toLowerCase().replaceAll(' ', '-')}`;

  return (
    <main id="content" className="mx-auto max-w-5xl space-y-10 px-4 py-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Keydesk API</h1>
        <p className="text-lg text-slate-700">
          Issue, import and check software license keys from your own code. This page is generated
          from the API’s{' '}
          <a href="/api/openapi.json" className="text-sky-800 underline">
            OpenAPI 3.1 document
          </a>
          ; the base URL is <code className="font-mono">{`${env.publicUrl}/api`}</code>.
        </p>
      </header>

      <nav aria-label="On this page" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold tracking-wide text-slate-600 uppercase">
          On this page
        </h2>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          {[
            ...GUIDE_SECTIONS,
            ...document.tags.map((tag) => ({ id: tagId(tag.name), title: tag.name })),
            { id: 'schemas', title: 'Schemas' },
          ].map((item) => (
            <li key={item.id}>
              <a href={`#${item.id}`} className="text-sky-800 underline">
                {item.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <ApiGuide
        apiUrl={`${env.publicUrl}/api`}
        limits={{
          perAddress: env.rateLimitPerAddress,
          perLicenseKey: env.rateLimitPerLicenseKey,
        }}
      />

      {document.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={tagId(tag.name)} className="space-y-6">
          <div className="space-y-1">
            <h2 id={tagId(tag.name)} className="text-2xl font-semibold">
              {tag.name}
            </h2>
            <p className="text-slate-700">{tag.description}</p>
          </div>
          {operations
            .filter(({ operation }) => operation.tags[0] === tag.name)
            .map(({ path, method, operation }) => (
              <OperationSection
                key={operation.operationId}
                document={document}
                method={method}
                path={path}
                operation={operation}
              />
            ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="space-y-6">
        <h2 id="schemas" className="text-2xl font-semibold">
          Schemas
        </h2>
        {answerSchemas.map((name) => (
          <section key={name} aria-labelledby={`schema-${name}`} className="space-y-2">
            <h3 id={`schema-${name}`} className="font-mono text-lg font-semibold">
              {name}
            </h3>
            {typeof schemas[name].description === 'string' && (
              <p className="text-slate-700">
                <TextWithCode text={schemas[name].description} />
              </p>
            )}
            <FieldsTable
              caption={`Fields of ${name}`}
              fields={fieldsOf(schemas[name])}
              requiredLabel="Always present"
            />
          </section>
        ))}
      </section>
    </main>
  );
}
