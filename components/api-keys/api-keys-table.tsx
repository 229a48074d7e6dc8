import { Badge } from '@/components/ui/badge';
import { Cell, EmptyPanel, RowHeader, Table } from '@/components/ui/table';
import type { ApiKeyView } from '@/lib/api-keys/schema';
import { RevokeApiKeyButton } from './revoke-api-key-button';
import { Instant } from '@/components/ui/instant';

/** The business's API keys: the secret's first characters only, revoked keys kept and marked. */
export function ApiKeysTable({ apiKeys }: { apiKeys: ApiKeyView[] }) {
  return (
    <Table
      caption="API keys, newest first. Times are in UTC."
      columns={[
        'Name',
        'Access',
        'Key',
        'Created',
        'Created by',
        'Last used',
        'Status',
        { label: 'Actions', hidden: true },
      ]}
      rows={apiKeys}
      empty={
        <EmptyPanel>No API keys yet. Create one above to connect an app to Keydesk.</EmptyPanel>
      }
    >
      {(key) => (
        <tr key={key.id} className={key.revokedAt ? 'text-slate-500' : undefined}>
          <RowHeader className="font-medium text-slate-900">{key.name}</RowHeader>
          <Cell>{key.readOnly ? 'Read-only' : 'Write'}</Cell>
          <Cell className="font-mono whitespace-nowrap">{key.prefix}…</Cell>
          <Cell className="whitespace-nowrap">
            <Instant date={key.createdAt} />
          </Cell>
          <Cell>{key.createdBy ?? 'Unknown'}</Cell>
          <Cell className="whitespace-nowrap">
            {key.lastUsedAt ? <Instant date={key.lastUsedAt} /> : 'Never'}
          </Cell>
          <Cell className="whitespace-nowrap">
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
          </Cell>
          <Cell className="text-right">
            {key.revokedAt ? null : <RevokeApiKeyButton id={key.id} name={key.name} />}
          </Cell>
        </tr>
      )}
    </Table>
  );
}
