import type { Metadata } from 'next';
import { ApiKeysTable } from '@/components/api-keys/api-keys-table';
import { CreateApiKeyForm } from '@/components/api-keys/create-api-key-form';
import { listApiKeys } from '@/lib/api-keys/data';
import { requireMember } from '@/lib/auth/member';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const member = await requireMember('api-keys:manage');
  const apiKeys = await listApiKeys(member);
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          API keys let your own systems use Keydesk’s REST API for {member.businessName}. A key acts
          for the business, not for you, and keeps working until it is revoked.
        </p>
      </div>

      <section aria-labelledby="create-api-key-heading" className="space-y-4">
        <h2 id="create-api-key-heading" className="text-lg font-semibold">
          Create an API key
        </h2>
        <CreateApiKeyForm />
      </section>

      <section aria-labelledby="api-keys-list-heading" className="space-y-4">
        <div>
          <h2 id="api-keys-list-heading" className="text-lg font-semibold">
            Your API keys
          </h2>
          <p className="text-sm text-slate-600">Newest first. Times are in UTC.</p>
        </div>
        <ApiKeysTable apiKeys={apiKeys} />
      </section>
    </div>
  );
}
