import { Badge } from '@/components/ui/badge';
import type { ApiKeyView } from '@/lib/api-keys/schema';
import { formatInstant } from '@/lib/format';
import { RevokeApiKeyButton } from './revoke-api-key-button';

const headerClassName = 'px-4 py-3 whitespace-nowrap';

/** The business's API keys: the secret's first characters only, revoked keys kept and marked. */
export function ApiKeysTable({ apiKeys }: { apiKeys: ApiKeyView[] }) {
  if (apiKeys.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        No API keys yet. Create one above to connect an app to Keydesk.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">API keys, newest first. Times are in UTC.</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={headerClassName}>
              Name
            </th>
            <th scope="col" className={headerClassName}>
              Access
            </th>
            <th scope="col" className={headerClassName}>
              Key
            </th>
            <th scope="col" className={headerClassName}>
              Created
            </th>
            <th scope="col" className={headerClassName}>
              Created by
            </th>
            <th scope="col" className={headerClassName}>
              Last used
            </th>
            <th scope="col" className={headerClassName}>
              Status
            </th>
            <th scope="col" className={headerClassName}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {apiKeys.map((key) => (
            <tr key={key.id} className={key.revokedAt ? 'text-slate-500' : undefined}>
              <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
                {key.name}
              </th>
              <td className="px-4 py-3">{key.readOnly ? 'Read-only' : 'Write'}</td>
              <td className="px-4 py-3 font-mono whitespace-nowrap">{key.prefix}…</td>
              <td className="px-4 py-3 whitespace-nowrap">
                <Instant date={key.createdAt} />
              </td>
              <td className="px-4 py-3">{key.createdBy ?? 'Unknown'}</td>
              <td className="px-4 py-3 whitespace-nowrap">
                {key.lastUsedAt ? <Instant date={key.lastUsedAt} /> : 'Never'}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {key.revokedAt ? (
                  <>
                    <Badge tone="slate">Revoked</Badge>
                    <div className="mt-1 text-xs">
                      <Instant date={key.revokedAt} />
                    </div>
                  </>
                ) : (
                  <Badge tone="green">Active</Badge>
                )}
              </td>
              <td className="px-4 py-3 text-right">
                {key.revokedAt ? null : <RevokeApiKeyButton id={key.id} name={key.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Instant({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatInstant(date)}</time>;
}
