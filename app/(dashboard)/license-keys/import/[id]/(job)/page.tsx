import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ConfigureImportSection } from '@/components/imports/configure-import-section';
import { FileSampleTable } from '@/components/imports/file-sample-table';
import { ImportCounts } from '@/components/imports/import-counts';
import { ImportPreviewTable } from '@/components/imports/import-preview-table';
import { ImportProblems } from '@/components/imports/import-problems';
import { ImportProgress } from '@/components/imports/import-progress';
import { ImportStateBadge } from '@/components/imports/import-state-badge';
import { StartImportButton } from '@/components/imports/start-import-button';
import { Instant } from '@/components/ui/instant';
import { LinkButton } from '@/components/ui/link-button';
import { requireMember } from '@/lib/auth/member';
import { timeZoneGroups } from '@/lib/businesses/time-zones';
import { listImportProducts } from '@/lib/imports/data-configure';
import { getImportJob } from '@/lib/imports/data-jobs';
import { listImportProblems } from '@/lib/imports/data-problems';
import type { ImportJobView } from '@/lib/imports/job';
import { IMPORT_BATCH_ROWS } from '@/lib/imports/limits';
import { formatFileSize } from '@/lib/imports/progress';

export const metadata: Metadata = { title: 'Import' };

/** Problems the page lists; the CSV download has every one. */
const PROBLEMS_SHOWN = 100;

const number = new Intl.NumberFormat('en-US');
const sectionClassName = 'space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

type Props = { params: Promise<{ id: string }> };

export default async function ImportJobPage({ params }: Props) {
  const { id } = await params;
  const member = await requireMember('keys:bulk-import');
  const job = await getImportJob(member, id);
  if (!job) notFound();
  const mappable = job.state === 'uploaded' || job.state === 'checked';
  const [products, problems] = await Promise.all([
    mappable ? listImportProducts(member) : null,
    job.state === 'checked' || job.state === 'done'
      ? listImportProblems(member, id, PROBLEMS_SHOWN)
      : null,
  ]);
  const mapping = products && (
    <>
      <FileSampleTable headers={job.headers} sample={job.sample} />
      <ConfigureImportSection
        jobId={job.id}
        headers={job.headers}
        mapping={job.mapping}
        defaultProductId={job.defaultProductId}
        timeZone={job.timeZone}
        updateExisting={job.updateExisting}
        products={products.filter((p) => !p.archived).map(({ id, name }) => ({ id, name }))}
        timeZones={timeZoneGroups(new Date(), job.timeZone)}
      />
    </>
  );
  const problemsSection = problems && (
    <Section id="problems" title="Problems">
      <ImportProblems jobId={job.id} problems={problems} shown={PROBLEMS_SHOWN} />
    </Section>
  );

  return (
    <div className="space-y-8">
      <JobHeading job={job} />

      {job.state === 'uploaded' ? (
        <Section
          id="mapping"
          title="How to read the file"
          description="Keydesk guessed which column holds what from the file’s header. Check each choice against the first rows, then check the file: nothing is imported yet."
        >
          {mapping}
        </Section>
      ) : null}

      {job.state === 'checking' || job.state === 'importing' ? (
        <Section
          id="progress"
          title={job.state === 'checking' ? 'Checking the file' : 'Importing keys'}
          description={
            job.state === 'checking'
              ? 'Every row is read and compared with the keys already in Keydesk. Nothing is written.'
              : `Keys are written ${number.format(IMPORT_BATCH_ROWS)} rows at a time. You can leave this page: the import goes on.`
          }
        >
          <ImportProgress
            jobId={job.id}
            state={job.state}
            rowsDone={job.rowsDone}
            totalRows={job.totalRows}
          />
        </Section>
      ) : null}

      {job.state === 'checked' ? (
        <>
          <Section
            id="results"
            title="Check results"
            description="What importing the file would do, row by row."
          >
            <ImportCounts counts={job.counts} outcome="check" updateExisting={job.updateExisting} />
            <StartImportButton jobId={job.id} keys={job.counts.created + job.counts.updated} />
          </Section>
          <Section id="preview" title="Preview">
            <ImportPreviewTable rows={job.preview} />
          </Section>
          {problemsSection}
          <details className="group rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <summary className="cursor-pointer rounded-md text-lg font-semibold text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              Change how the file is read
            </summary>
            <div className="mt-4 space-y-4">{mapping}</div>
          </details>
        </>
      ) : null}

      {job.state === 'done' ? (
        <>
          <Section id="summary" title="Import finished">
            <ImportCounts
              counts={job.counts}
              outcome="import"
              updateExisting={job.updateExisting}
            />
            <div className="flex flex-wrap gap-3">
              <LinkButton href="/license-keys?source=import">See the imported keys</LinkButton>
              <LinkButton href="/license-keys/import" variant="secondary">
                Import another file
              </LinkButton>
            </div>
          </Section>
          {problemsSection}
        </>
      ) : null}

      {job.state === 'failed' ? (
        <Section id="failure" title="Import failed">
          <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
            {job.failure ?? 'The file could not be read to the end.'}
          </p>
          <LinkButton href="/license-keys/import">Upload another file</LinkButton>
        </Section>
      ) : null}
    </div>
  );
}

function JobHeading({ job }: { job: ImportJobView }) {
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link
          href="/license-keys/import"
          className="text-indigo-700 underline-offset-2 hover:underline"
        >
          Import keys
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere">
        Import of {job.fileName}
      </h1>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
        <ImportStateBadge state={job.state} />
        <span>
          {number.format(job.totalRows)} {job.totalRows === 1 ? 'row' : 'rows'},{' '}
          {formatFileSize(job.fileBytes)}
        </span>
        <span>
          Uploaded by {job.startedBy}, <Instant date={new Date(job.createdAt)} />
        </span>
      </div>
    </div>
  );
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={sectionClassName}>
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
