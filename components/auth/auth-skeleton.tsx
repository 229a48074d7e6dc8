import { SkeletonForm, SkeletonLine, SkeletonPage } from '@/components/ui/skeleton';

/**
 * A signed-out page while it loads: AuthShell's outline. Each page's own loading.tsx renders it (not
 * one for the whole group, which would also wrap /setup's layout and turn its 404 into a 200).
 */
export function AuthSkeleton({ label, fields = 2 }: { label: string; fields?: number }) {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <SkeletonPage label={label}>
        <SkeletonLine className="h-6 w-24" />
        <SkeletonLine className="h-8 w-48" />
        <SkeletonForm fields={fields} />
      </SkeletonPage>
    </main>
  );
}
