import {
  SkeletonForm,
  SkeletonHeading,
  SkeletonPage,
  SkeletonSection,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the webhook endpoint" className="space-y-8">
      <SkeletonHeading backLink lines={2} />
      <SkeletonSection>
        <SkeletonForm fields={3} />
      </SkeletonSection>
      <SkeletonSection>
        <SkeletonForm fields={1} />
      </SkeletonSection>
    </SkeletonPage>
  );
}
