import { SkeletonForm, SkeletonHeading, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="the new customer form">
      <SkeletonHeading backLink />
      <SkeletonForm fields={2} className="max-w-md" />
    </SkeletonPage>
  );
}
