import {
  SkeletonHeading,
  SkeletonLine,
  SkeletonPage,
  SkeletonSection,
  SkeletonTable,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="webhooks" className="space-y-8">
      <SkeletonHeading lines={2} />
      <SkeletonLine className="h-9 w-36" />
      <SkeletonSection>
        <SkeletonTable columns={4} rows={3} />
      </SkeletonSection>
    </SkeletonPage>
  );
}
