import {
  SkeletonHeading,
  SkeletonPage,
  SkeletonTable,
  SkeletonToolbar,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="customers">
      <SkeletonHeading action lines={0} />
      <SkeletonToolbar />
      <SkeletonTable columns={2} rows={8} />
    </SkeletonPage>
  );
}
