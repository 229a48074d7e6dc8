const COLUMNS: { name: string; text: string }[] = [
  { name: 'Key', text: 'The license key, as your customers have it. Required.' },
  { name: 'Customer email', text: 'Required. A customer is created for an address not seen yet.' },
  { name: 'Customer name', text: 'Optional: the email address stands in for a missing name.' },
  { name: 'Product', text: 'The product’s name or ID, or a default product chosen for the file.' },
  { name: 'Activations limit', text: 'A whole number; empty or “unlimited” for no limit.' },
  {
    name: 'Expires at',
    text: 'A date (2027-01-31), which means the end of that day in the time zone you choose, or an ISO instant (2027-01-31T12:00:00Z). Empty: never.',
  },
  { name: 'Disabled', text: 'true or false (yes or no). Empty: enabled.' },
  { name: 'Original ID', text: 'The key’s ID in the system it comes from, kept for reference.' },
];

const EXAMPLE = `license_key,email,name,product,activations_limit,expires_at,disabled,id
LS-8F2A-1C9D-77E0,ada@example.com,Ada Lovelace,Quillwriter,3,2027-01-31,false,ls_1041
LS-3B71-0E4C-9A12,grace@example.com,,pdt_7hQ2kX9w,unlimited,,false,ls_1042`;

/** What the upload step expects: the file's format, its columns and a small example. */
export function ImportFileHelp() {
  return (
    <div className="max-w-3xl space-y-3 text-sm text-slate-700">
      <p>
        A CSV file in UTF-8, its values separated by commas or semicolons, with a header row: up to
        200,000 rows and 50 MB. Next you tell Keydesk which column holds what (it guesses from the
        headers), and it checks every row before anything is imported.
      </p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {COLUMNS.map((column) => (
          <div key={column.name} className="contents">
            <dt className="font-medium text-slate-900">{column.name}</dt>
            <dd className="mb-1 sm:mb-0">{column.text}</dd>
          </div>
        ))}
      </dl>
      <figure className="space-y-1">
        <figcaption className="font-medium text-slate-900">An example</figcaption>
        <pre className="rounded-lg bg-slate-900 p-4 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-100">
          {EXAMPLE}
        </pre>
      </figure>
    </div>
  );
}
