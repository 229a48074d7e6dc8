import { TextWithCode } from './code-block';
import type { SchemaField } from './schema-text';

const headerClassName = 'px-3 py-2 whitespace-nowrap';
const cellClassName = 'px-3 py-2 align-top';

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
  if (fields.length === 0) {
    return <p className="text-sm text-slate-600">No fields: an empty JSON object.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={headerClassName}>
              Name
            </th>
            <th scope="col" className={headerClassName}>
              Type
            </th>
            <th scope="col" className={headerClassName}>
              {requiredLabel}
            </th>
            <th scope="col" className={headerClassName}>
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {fields.map((field) => (
            <tr key={field.name}>
              <th scope="row" className={`${cellClassName} text-left font-mono font-medium`}>
                {field.name}
              </th>
              <td className={`${cellClassName} font-mono text-xs text-slate-700`}>
                {field.typeRef ? (
                  <a href={`#schema-${field.typeRef}`} className="text-sky-800 underline">
                    {field.type}
                  </a>
                ) : (
                  field.type
                )}
              </td>
              <td className={cellClassName}>{field.required ? 'Yes' : 'No'}</td>
              <td className={`${cellClassName} text-slate-700`}>
                {field.description && <TextWithCode text={field.description} />}
                {field.constraints.length > 0 && (
                  <span className="block text-xs text-slate-500">
                    {field.constraints.join('; ')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
