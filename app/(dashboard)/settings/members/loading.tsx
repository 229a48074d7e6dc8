import {
  SkeletonForm,
  SkeletonHeading,
  SkeletonPage,
  SkeletonSection,
  SkeletonTable,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="members" className="space-y-10">
      <SkeletonHeading />
      <SkeletonSection>
        <SkeletonForm fields={2} />
      </SkeletonSection>
      <SkeletonSection>
        <SkeletonTable columns={4} rows={3} />
      </SkeletonSection>
    </SkeletonPage>
  );
}
