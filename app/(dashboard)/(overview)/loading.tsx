import {
  SkeletonHeading,
  SkeletonLine,
  SkeletonPage,
  SkeletonTable,
} from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="overview" className="space-y-8">
      <SkeletonHeading />
      <div className="space-y-3">
        <SkeletonLine className="h-6 w-32" />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
          {Array.from({ length: 6 }, (_, figure) => (
            <SkeletonLine key={figure} className="h-28 w-full" />
          ))}
        </div>
      </div>
      <div className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <SkeletonLine className="h-6 w-48" />
          <SkeletonLine className="h-9 w-64" />
        </div>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <SkeletonLine className="h-96 w-full" />
          <SkeletonLine className="h-96 w-full" />
        </div>
      </div>
      <SkeletonTable columns={4} rows={5} />
    </SkeletonPage>
  );
}
