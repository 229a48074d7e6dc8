import {
  SkeletonForm,
  SkeletonHeading,
  SkeletonPage,
  SkeletonSection,
  SkeletonTable,
  SkeletonTerms,
} from '@/components/ui/skeleton';

/** The customer page's shape while it loads: heading, details, the key table and the edit form. */
export default function Loading() {
  return (
    <SkeletonPage label="the customer" className="space-y-6">
      <SkeletonHeading backLink />
      <SkeletonTerms rows={3} />
      <SkeletonTable columns={6} rows={5} />
      <SkeletonSection>
        <SkeletonForm fields={2} />
      </SkeletonSection>
    </SkeletonPage>
  );
}
