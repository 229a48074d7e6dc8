import {
  SkeletonHeading,
  SkeletonPage,
  SkeletonTable,
  SkeletonToolbar,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="license keys">
      <SkeletonHeading action />
      <SkeletonToolbar filters={4} />
      <SkeletonTable columns={6} rows={8} />
    </SkeletonPage>
  );
}
