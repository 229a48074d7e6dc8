import { SkeletonHeading, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="products">
      <SkeletonHeading />
      <SkeletonTable columns={5} rows={6} />
    </SkeletonPage>
  );
}
