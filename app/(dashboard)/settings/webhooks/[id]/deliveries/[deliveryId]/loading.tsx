import {
  SkeletonHeading,
  SkeletonPage,
  SkeletonSection,
  SkeletonTable,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="Webhook delivery" className="space-y-8">
      <SkeletonHeading lines={2} />
      <SkeletonSection>
        <SkeletonTable columns={4} rows={3} />
      </SkeletonSection>
    </SkeletonPage>
  );
}
