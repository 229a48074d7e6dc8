import {
  SkeletonHeading,
  SkeletonLine,
  SkeletonPage,
  SkeletonSection,
  SkeletonTable,
  SkeletonTerms,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the license key" className="max-w-3xl space-y-6">
      <SkeletonHeading backLink />
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <SkeletonLine className="h-4 w-12" />
        <SkeletonLine className="h-6 w-80" />
        <SkeletonLine className="h-8 w-24" />
      </div>
      <SkeletonTerms rows={7} />
      <SkeletonSection>
        <SkeletonTable columns={3} rows={2} />
      </SkeletonSection>
    </SkeletonPage>
  );
}
