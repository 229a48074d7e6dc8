import {
  SkeletonForm,
  SkeletonHeading,
  SkeletonPage,
  SkeletonSection,
  SkeletonTable,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the import" className="space-y-8">
      <SkeletonHeading backLink />
      <SkeletonSection>
        <SkeletonTable columns={5} rows={3} />
        <SkeletonForm fields={4} className="max-w-[48rem]" />
      </SkeletonSection>
    </SkeletonPage>
  );
}
