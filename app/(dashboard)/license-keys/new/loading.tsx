import { SkeletonForm, SkeletonHeading, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the new license key form">
      <SkeletonHeading />
      <SkeletonForm fields={5} />
    </SkeletonPage>
  );
}
