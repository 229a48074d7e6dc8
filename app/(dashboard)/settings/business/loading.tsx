import {
  SkeletonForm,
  SkeletonHeading,
  SkeletonPage,
  SkeletonSection,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the business settings" className="space-y-10">
      <SkeletonHeading />
      <SkeletonSection>
        <SkeletonForm fields={1} className="max-w-[32rem]" />
      </SkeletonSection>
      <SkeletonSection>
        <SkeletonForm fields={1} className="max-w-[32rem]" />
      </SkeletonSection>
      <SkeletonSection>
        <SkeletonForm fields={1} className="max-w-[32rem]" />
      </SkeletonSection>
    </SkeletonPage>
  );
}
