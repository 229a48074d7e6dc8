import { SkeletonHeading, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="activity">
      <SkeletonHeading />
      <SkeletonTable columns={5} rows={10} />
    </SkeletonPage>
  );
}
