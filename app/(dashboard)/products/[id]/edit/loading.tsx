import { SkeletonForm, SkeletonHeading, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the product">
      <SkeletonHeading backLink />
      <SkeletonForm fields={5} />
    </SkeletonPage>
  );
}
