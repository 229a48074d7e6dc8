/**
 * "First rows of the file": its header and the rows under it, as the upload read them, numbered
 * (rows, not lines: a quoted cell may hold a line break). Written out rather than with `Table`: a file's headers may repeat
 * or be empty, so they cannot key its columns.
 */
export function FileSampleTable({ headers, sample }: { headers: string[]; sample: string[][] }) {
  return (
    <div
      role="region"
      aria-label="First rows of the file"
      // A wide file scrolls inside this frame, which must be reachable by keyboard to scroll it
      // (axe's scrollable-region-focusable): its cells hold nothing else that takes the focus.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
        <caption className="sr-only">First rows of the file</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
          <tr>
            <th scope="col" className="whitespace-nowrap">
              Row
            </th>
            {headers.map((header, index) => (
              <th key={index} scope="col" className="max-w-48 break-words">
                {header.trim() || (
                  <span className="text-slate-500">Untitled column {index + 1}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sample.map((row, rowIndex) => (
            <tr key={rowIndex}>
              <th
                scope="row"
                className="text-left align-top font-normal text-slate-600 tabular-nums"
              >
                {rowIndex + 1}
              </th>
              {headers.map((_, index) => (
                <td key={index} className="align-top text-slate-900">
                  {/* Short values on one line; a long one wraps at 20rem. */}
                  <div className="max-w-xs wrap-break-word">{row[index] ?? ''}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
