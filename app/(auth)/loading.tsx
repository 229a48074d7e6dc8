import { SkeletonForm, SkeletonLine, SkeletonPage } from '@/components/ui/skeleton';

/** The signed-out pages (sign-in, invite, password reset) while they load: AuthShell's outline. */
export default function Loading() {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <SkeletonPage label="the page">
        <SkeletonLine className="h-6 w-24" />
        <SkeletonLine className="h-8 w-48" />
        <SkeletonForm fields={2} />
      </SkeletonPage>
    </main>
  );
}
