import { Cell, RowHeader, Table } from '@/components/ui/table';
import type { OpenApiDocument } from '@/lib/http/openapi';
import { Code, TextWithCode } from './code-block';
import { FieldsTable } from './fields-table';
import {
  describeConstraints,
  describeType,
  fieldsOf,
  refName,
  type JsonSchema,
  type SchemaField,
} from './schema-text';

export type DocOperation = {
  summary: string;
  description?: string;
  operationId: string;
  tags: string[];
  security?: unknown[];
  parameters?: JsonSchema[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<
    string,
    { description: string; content?: { 'application/json': { schema: JsonSchema } } }
  >;
};

/** Follows a local `$ref` (#/components/...) within the document. */
export function resolveRef(document: OpenApiDocument, value: JsonSchema): JsonSchema {
  if (typeof value.$ref !== 'string') return value;
  return value.$ref
    .slice(2)
    .split('/')
    .reduce<JsonSchema>(
      (node, part) => node[part] as JsonSchema,
      document as unknown as JsonSchema,
    );
}

const methodTones: Record<string, string> = {
  get: 'bg-sky-100 text-sky-900',
  post: 'bg-emerald-100 text-emerald-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
};

/** Who may call an operation, read from its security and its 403 answer. */
function accessOf(operation: DocOperation): string {
  if (operation.security && operation.security.length === 0) return 'Public: no API key.';
  return '403' in operation.responses
    ? 'API key with write access.'
    : 'API key, read-only or write.';
}

function parameterFields(parameters: JsonSchema[], where: string): SchemaField[] {
  return parameters
    .filter((parameter) => parameter.in === where)
    .map((parameter) => {
      const schema = (parameter.schema ?? {}) as JsonSchema;
      return {
        name: String(parameter.name),
        type: describeType(schema),
        typeRef: null,
        required: parameter.required === true,
        description: typeof parameter.description === 'string' ? parameter.description : null,
        constraints: describeConstraints(schema),
      };
    });
}

const PARAMETER_GROUPS = [
  ['path', 'Path parameters'],
  ['query', 'Query parameters'],
  ['header', 'Headers'],
] as const;

/** One operation of the API: who may call it, what it takes and what it answers. */
export function OperationSection({
  document,
  method,
  path,
  operation,
}: {
  document: OpenApiDocument;
  method: string;
  path: string;
  operation: DocOperation;
}) {
  const headingId = `operation-${operation.operationId}`;
  const parameters = (operation.parameters ?? []).map((parameter) =>
    resolveRef(document, parameter),
  );
  const body = operation.requestBody?.content['application/json'].schema;
  return (
    <section aria-labelledby={headingId} className="space-y-4 border-t border-slate-200 pt-6">
      <h3 id={headingId} className="text-lg font-semibold">
        {operation.summary}
      </h3>
      <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 font-semibold uppercase ${methodTones[method]}`}>
          {method}
        </span>
        <span>/api{path}</span>
      </p>
      <p className="text-sm text-slate-700">{accessOf(operation)}</p>
      {operation.description && (
        <p className="text-slate-700">
          <TextWithCode text={operation.description} />
        </p>
      )}
      {PARAMETER_GROUPS.map(([where, title]) => {
        const fields = parameterFields(parameters, where);
        if (fields.length === 0) return null;
        return (
          <div key={where} className="space-y-2">
            <h4 className="font-semibold">{title}</h4>
            <FieldsTable caption={`${title} of ${operation.summary}`} fields={fields} />
          </div>
        );
      })}
      {body && (
        <div className="space-y-2">
          <h4 className="font-semibold">Request body (JSON)</h4>
          <FieldsTable
            caption={`Request body of ${operation.summary}: JSON fields`}
            fields={fieldsOf(resolveRef(document, body))}
          />
        </div>
      )}
      <div className="space-y-2">
        <h4 className="font-semibold">Responses</h4>
        <ResponsesTable operation={operation} />
      </div>
    </section>
  );
}

function ResponsesTable({ operation }: { operation: DocOperation }) {
  return (
    <Table
      caption={`Responses of ${operation.summary}, by status`}
      columns={['Status', 'Body', 'When']}
      rows={Object.entries(operation.responses)}
      density="compact"
    >
      {([status, response]) => {
        const schema = response.content?.['application/json'].schema;
        const name = schema ? refName(schema) : null;
        return (
          <tr key={status}>
            <RowHeader className="font-mono">{status}</RowHeader>
            <Cell className="font-mono text-xs">
              {name ? (
                <a href={`#schema-${name}`} className="text-sky-800 underline">
                  {name}
                </a>
              ) : (
                'none'
              )}
            </Cell>
            <Cell className="text-slate-700">
              <ul className="space-y-1">
                {response.description.split('\n').map((line) => (
                  <li key={line}>
                    <ErrorLine line={line} />
                  </li>
                ))}
              </ul>
            </Cell>
          </tr>
        );
      }}
    </Table>
  );
}

/** "CODE: text" with the code as code; other text as it is. */
function ErrorLine({ line }: { line: string }) {
  const match = /^([A-Z][A-Z0-9_]+): (.*)$/.exec(line);
  if (!match) return <TextWithCode text={line} />;
  return (
    <>
      <Code>{match[1]}</Code> <TextWithCode text={match[2]} />
    </>
  );
}
