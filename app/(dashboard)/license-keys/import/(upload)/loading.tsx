import {
  SkeletonForm,
  SkeletonHeading,
  SkeletonPage,
  SkeletonSection,
  SkeletonTable,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the import page" className="space-y-8">
      <SkeletonHeading backLink lines={2} />
      <SkeletonSection>
        <SkeletonForm fields={1} />
      </SkeletonSection>
      <SkeletonSection>
        <SkeletonTable columns={6} rows={3} />
      </SkeletonSection>
    </SkeletonPage>
  );
}
