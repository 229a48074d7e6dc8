import { SkeletonForm, SkeletonLine, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <SkeletonPage label="setup">
        <SkeletonLine className="h-6 w-24" />
        <SkeletonLine className="h-8 w-48" />
        <SkeletonForm fields={4} />
      </SkeletonPage>
    </main>
  );
}
