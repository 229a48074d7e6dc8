import {
  SkeletonForm,
  SkeletonHeading,
  SkeletonPage,
  SkeletonSection,
  SkeletonTable,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="API keys" className="space-y-10">
      <SkeletonHeading lines={2} />
      <SkeletonSection>
        <SkeletonForm fields={2} className="max-w-[32rem]" />
      </SkeletonSection>
      <SkeletonSection>
        <SkeletonTable columns={4} rows={3} />
      </SkeletonSection>
    </SkeletonPage>
  );
}
