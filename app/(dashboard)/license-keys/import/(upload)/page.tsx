import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportFileHelp } from '@/components/imports/import-file-help';
import { ImportJobsTable } from '@/components/imports/import-jobs-table';
import { UploadImportForm } from '@/components/imports/upload-import-form';
import { requireMember } from '@/lib/auth/member';
import { listImportJobs } from '@/lib/imports/data-jobs';

export const metadata: Metadata = { title: 'Import keys' };

const sectionClassName = 'space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

export default async function ImportKeysPage() {
  const member = await requireMember('keys:bulk-import');
  const jobs = await listImportJobs(member);
  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2 text-sm">
          <Link href="/license-keys" className="text-indigo-700 underline-offset-2 hover:underline">
            License keys
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Import keys</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Move the license keys {member.businessName} already sold into Keydesk from a CSV file:
          upload it, say which column holds what, check every row, then import.
        </p>
      </div>

      <section aria-labelledby="upload-heading" className={sectionClassName}>
        <h2 id="upload-heading" className="text-lg font-semibold">
          Upload a file
        </h2>
        <ImportFileHelp />
        <UploadImportForm />
      </section>

      <section aria-labelledby="recent-imports-heading" className="space-y-4">
        <h2 id="recent-imports-heading" className="text-lg font-semibold">
          Recent imports
        </h2>
        <ImportJobsTable jobs={jobs} />
      </section>
    </div>
  );
}
