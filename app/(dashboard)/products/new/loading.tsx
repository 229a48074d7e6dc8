import { SkeletonForm, SkeletonHeading, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the new product form">
      <SkeletonHeading backLink />
      <SkeletonForm fields={5} />
    </SkeletonPage>
  );
}
