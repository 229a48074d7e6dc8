import type { ReactNode } from 'react';
import { Cell, RowHeader, Table } from '@/components/ui/table';
import { Code, CodeBlock } from './code-block';

export const GUIDE_SECTIONS = [
  { id: 'authentication', title: 'Authentication' },
  { id: 'sdk', title: 'Using the official SDK' },
  { id: 'pagination', title: 'Pagination' },
  { id: 'idempotency', title: 'Idempotency' },
  { id: 'rate-limits', title: 'Rate limits' },
  { id: 'errors', title: 'Errors' },
] as const;

type SectionId = (typeof GUIDE_SECTIONS)[number]['id'];

function GuideSection({ id, children }: { id: SectionId; children: ReactNode }) {
  const title = GUIDE_SECTIONS.find((section) => section.id === id)!.title;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const ERRORS = [
  ['400', 'BadRequestError', 'The body is not JSON, or the Idempotency-Key is malformed.'],
  ['401', 'AuthenticationError', 'The API key is missing, unknown or revoked.'],
  [
    '403',
    'PermissionDeniedError',
    'A read-only key tried to write; or the license key is inactive.',
  ],
  ['404', 'NotFoundError', 'No such object in your business (another business’s ids too).'],
  [
    '409',
    'ConflictError',
    'A duplicate, or a request with the same Idempotency-Key still running.',
  ],
  ['413', 'APIError', 'The body is over 64 KiB.'],
  ['422', 'UnprocessableEntityError', 'A field or query parameter is invalid; errors names each.'],
  ['429', 'RateLimitError', 'Too many requests; wait Retry-After seconds.'],
  ['500', 'InternalServerError', 'Unexpected; the message quotes the request id.'],
] as const;

/** How to use the API: authentication, the SDK, paging, idempotency, rate limits and errors. */
export function ApiGuide({
  apiUrl,
  limits,
}: {
  apiUrl: string;
  limits: { perAddress: number; perLicenseKey: number };
}) {
  return (
    <>
      <GuideSection id="authentication">
        <p>
          Create an API key on <strong>Settings → API keys</strong> (owners and admins can). Send it
          with every request to the merchant endpoints: <Code>Authorization: Bearer kd_live_…</Code>
          . A read-only key can call the GET endpoints; creating or changing anything needs a key
          with write access, else the answer is 403. A missing, unknown or revoked key answers 401.
        </p>
        <p>
          The key acts for its business: every list holds only that business’s objects, and the id
          of another business’s object answers 404, as one that does not exist. The{' '}
          <Code>/licenses</Code> endpoints take no API key: your shipped software calls them with
          the license key alone.
        </p>
      </GuideSection>
      <GuideSection id="sdk">
        <p>
          The API is compatible with Dodo Payments’ license-key endpoints, so the official{' '}
          <Code>dodopayments</Code> package for Node works against it. Point <Code>baseURL</Code> at
          this server (and do not pass <Code>environment</Code> as well):
        </p>
        <CodeBlock language="ts">{`import DodoPayments from 'dodopayments';

const client = new DodoPayments({
  bearerToken: process.env.KEYDESK_API_KEY, // kd_live_…
  baseURL: '${apiUrl}',
});

const customer = await client.customers.create({ name: 'Dana Kim', email: 'dana@example.com' });
const licenseKey = await client.licenseKeys.create({
  key: 'ACME-7Q4F-K2M9-XW3P',
  customer_id: customer.customer_id,
  product_id: 'pdt_…',
});`}</CodeBlock>
        <p>
          Keydesk keeps license keys, customers and products only. What it does not have (prices,
          taxes, phone numbers, metadata, entitlements) is answered as <Code>null</Code>,{' '}
          <Code>{'{}'}</Code> or <Code>[]</Code>, as each schema below says.
        </p>
      </GuideSection>
      <GuideSection id="pagination">
        <p>
          Lists answer <Code>{'{ "items": [...] }'}</Code>, newest first. <Code>page_number</Code>{' '}
          starts at 0; <Code>page_size</Code> is 10 by default and at most 100. A page with fewer
          items than <Code>page_size</Code> is the last; past it, pages are empty.
        </p>
        <p>
          The SDK walks every page for you with <Code>for await</Code>, but when you leave{' '}
          <Code>page_number</Code> out it takes the first answer for page 1 and asks for page 2
          next: page 1 (the second page) is skipped. Pass <Code>page_number: 0</Code> to walk every
          item:
        </p>
        <CodeBlock language="ts">{`for await (const licenseKey of client.licenseKeys.list({ page_number: 0, page_size: 100 })) {
  console.log(licenseKey.id, licenseKey.status);
}`}</CodeBlock>
        <p>
          Webhook endpoints are listed as Dodo lists them, by cursor: <Code>limit</Code> (1 to 100,
          default 10) and the previous answer’s <Code>iterator</Code>; answers are{' '}
          <Code>{'{ "data": [...], "iterator", "done" }'}</Code>, and the last page has{' '}
          <Code>iterator: null</Code>. <Code>for await</Code> over{' '}
          <Code>client.webhooks.list()</Code> walks them all.
        </p>
      </GuideSection>
      <GuideSection id="idempotency">
        <p>
          <Code>POST /license_keys</Code>, <Code>POST /customers</Code>,{' '}
          <Code>POST /licenses/activate</Code> and <Code>POST /licenses/deactivate</Code> accept an{' '}
          <Code>Idempotency-Key</Code> header: any unique string, such as a UUID. For 24 hours,
          repeating the request with the same key answers the first answer again (with{' '}
          <Code>Idempotent-Replayed: true</Code>) instead of doing it twice; the same key with a
          different request is refused with 422, and while the first is still running with 409. The
          SDK sends no key by itself: pass one in the request options.
        </p>
        <CodeBlock language="ts">{`await client.customers.create(
  { name: 'Dana Kim', email: 'dana@example.com' },
  { headers: { 'Idempotency-Key': crypto.randomUUID() } },
);`}</CodeBlock>
        <p>
          <Code>POST /customers</Code> is also a find-or-create by email: a second call with an
          email your business already has answers that customer (200) instead of a new one (201).
        </p>
      </GuideSection>
      <GuideSection id="rate-limits">
        <p>
          The public <Code>/licenses</Code> endpoints take at most {limits.perAddress} requests a
          minute from one client address and {limits.perLicenseKey} a minute for one license key
          (this server’s settings; 0 means no limit). Past that they answer 429 with a{' '}
          <Code>Retry-After</Code> header in seconds; the SDK waits and retries by itself.
        </p>
      </GuideSection>
      <GuideSection id="errors">
        <p>
          An error answers <Code>{'{ "code": "...", "message": "..." }'}</Code>: switch on{' '}
          <Code>code</Code>, show <Code>message</Code> to people. A 422 from validation adds{' '}
          <Code>errors</Code>, messages by field. Every answer carries <Code>x-request-id</Code>:
          quote it to support. The SDK throws these classes:
        </p>
        <Table
          caption="Error statuses and the SDK’s error classes"
          columns={['Status', 'SDK error', 'When']}
          rows={ERRORS}
          density="compact"
        >
          {([status, sdkError, when]) => (
            <tr key={status}>
              <RowHeader className="font-mono">{status}</RowHeader>
              <Cell className="font-mono text-xs">{sdkError}</Cell>
              <Cell className="text-slate-700">{when}</Cell>
            </tr>
          )}
        </Table>
        <p>
          Errors other than 429 and 500 carry <Code>x-should-retry: false</Code>, so the SDK does
          not retry them.
        </p>
      </GuideSection>
    </>
  );
}
