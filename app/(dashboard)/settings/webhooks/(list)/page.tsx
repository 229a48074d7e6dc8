import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/components/ui/page-heading';
import { AddEndpointSection } from '@/components/webhooks/add-endpoint-section';
import { WebhookEndpointsTable } from '@/components/webhooks/webhook-endpoints-table';
import { requireMember } from '@/lib/auth/member';
import { listWebhookEndpoints } from '@/lib/webhooks/data-endpoints';

export const metadata: Metadata = { title: 'Webhooks' };

/** Endpoints per page of the list. */
const PAGE_SIZE = 50;

type Props = {
  searchParams: Promise<{ after?: string | string[]; deleted?: string | string[] }>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const linkClassName =
  'rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

export default async function WebhooksPage({ searchParams }: Props) {
  const member = await requireMember('webhooks:manage');
  const query = await searchParams;
  const after = first(query.after);
  let page = await listWebhookEndpoints(member, { limit: PAGE_SIZE, iterator: after });
  // An iterator that is not ours (edited by hand): the first page.
  if (!page.ok) page = await listWebhookEndpoints(member, { limit: PAGE_SIZE });
  const { items, iterator } = page.ok ? page.value : { items: [], iterator: null };
  return (
    <div className="space-y-8">
      <div>
        <PageHeading arrival={first(query.deleted) ? 'Endpoint deleted.' : null}>
          Webhooks
        </PageHeading>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Keydesk sends an HTTP POST to each enabled endpoint when a key of {member.businessName} is
          issued, changed, disabled, enabled, activated or deactivated, signed as Standard Webhooks
          (as Dodo Payments does), so a receiver written for Dodo works unchanged.
        </p>
      </div>

      <AddEndpointSection />

      <section aria-labelledby="webhook-endpoints-heading" className="space-y-4">
        <div>
          <h2 id="webhook-endpoints-heading" className="text-lg font-semibold">
            Endpoints
          </h2>
          <p className="text-sm text-slate-600">Newest first.</p>
        </div>
        <WebhookEndpointsTable endpoints={items} />
        {after || iterator ? (
          <nav aria-label="Endpoint pages" className="flex flex-wrap gap-4">
            {after ? (
              <Link href="/settings/webhooks" className={linkClassName}>
                First page
              </Link>
            ) : null}
            {iterator ? (
              <Link
                href={`/settings/webhooks?after=${encodeURIComponent(iterator)}`}
                rel="next"
                className={linkClassName}
              >
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
