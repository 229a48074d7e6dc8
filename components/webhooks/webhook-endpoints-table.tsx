import Link from 'next/link';
import { Cell, EmptyPanel, RowHeader, Table } from '@/components/ui/table';
import type { WebhookEndpointView } from '@/lib/webhooks/schema';
import { EndpointEvents, EndpointStatus } from './endpoint-status';

/** The business's webhook endpoints, newest first: each URL opens the endpoint's page. */
export function WebhookEndpointsTable({ endpoints }: { endpoints: WebhookEndpointView[] }) {
  return (
    <Table
      caption="Webhook endpoints, newest first"
      columns={['URL', 'Description', 'Events', 'Status']}
      rows={endpoints}
      empty={
        <EmptyPanel>
          No endpoints yet. Add one to have Keydesk tell your systems when keys change.
        </EmptyPanel>
      }
    >
      {(endpoint) => (
        <tr key={endpoint.id}>
          <RowHeader className="max-w-[28rem] min-w-48 font-medium break-all">
            <Link
              href={`/settings/webhooks/${endpoint.id}`}
              className="text-indigo-700 underline-offset-2 hover:underline"
            >
              {endpoint.url}
            </Link>
          </RowHeader>
          <Cell className="min-w-40 text-slate-700">
            {endpoint.description || (
              <>
                <span aria-hidden="true">—</span>
                <span className="sr-only">None</span>
              </>
            )}
          </Cell>
          <Cell className="whitespace-nowrap">
            <EndpointEvents filterTypes={endpoint.filterTypes} />
          </Cell>
          <Cell className="min-w-40">
            <EndpointStatus endpoint={endpoint} />
          </Cell>
        </tr>
      )}
    </Table>
  );
}
