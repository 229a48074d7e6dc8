import { Cell, RowHeader, Table } from '@/components/ui/table';
import { TextWithCode } from './code-block';
import type { SchemaField } from './schema-text';

/** Fields (of a body, an answer or a query) as a table: name, type, required, what it means. */
export function FieldsTable({
  caption,
  fields,
  requiredLabel = 'Required',
}: {
  caption: string;
  fields: SchemaField[];
  requiredLabel?: string;
}) {
  return (
    <Table
      caption={caption}
      columns={['Name', 'Type', requiredLabel, 'Description']}
      rows={fields}
      empty={<p className="text-sm text-slate-600">No fields: an empty JSON object.</p>}
      density="compact"
    >
      {(field) => (
        <tr key={field.name}>
          <RowHeader className="font-mono font-medium">{field.name}</RowHeader>
          <Cell className="font-mono text-xs text-slate-700">
            {field.typeRef ? (
              <a href={`#schema-${field.typeRef}`} className="text-sky-800 underline">
                {field.type}
              </a>
            ) : (
              field.type
            )}
          </Cell>
          <Cell>{field.required ? 'Yes' : 'No'}</Cell>
          <Cell className="text-slate-700">
            {field.description && <TextWithCode text={field.description} />}
            {field.constraints.length > 0 && (
              <span className="block text-xs text-slate-500">{field.constraints.join('; ')}</span>
            )}
          </Cell>
        </tr>
      )}
    </Table>
  );
}
