import { SkeletonForm, SkeletonHeading, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the new business form">
      <SkeletonHeading lines={2} />
      <SkeletonForm fields={1} className="max-w-md" />
    </SkeletonPage>
  );
}
