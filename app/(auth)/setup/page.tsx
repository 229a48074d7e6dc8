import type { Metadata } from 'next';
import { SetupForm } from '@/components/businesses/setup-form';
import { setupTokenIsValid } from '@/lib/businesses/data-setup';
import { setupTokenSchema } from '@/lib/businesses/schema';

// The token is a secret: never send it on in a Referer header.
export const metadata: Metadata = {
  title: 'Set up Keydesk',
  referrer: 'no-referrer',
  robots: { index: false },
};

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * The first-run setup of an installation without demo data: the first business and its owner. It
 * exists only while no business has an owner (then 404: ./layout.tsx), and only with the link
 * `npm start` prints.
 */
export default async function SetupPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const valid =
    token !== undefined &&
    setupTokenSchema.safeParse(token).success &&
    (await setupTokenIsValid(token));

  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <p className="text-lg font-semibold tracking-tight">Keydesk</p>
      <h1 className="mt-6 text-2xl font-semibold tracking-tight">Set up Keydesk</h1>
      {valid ? (
        <>
          <p className="mt-1 text-sm text-slate-600">
            Create your business and your own account. You will be its owner, and can invite your
            team afterwards.
          </p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <SetupForm token={token} />
          </div>
        </>
      ) : (
        <div role="alert" className="mt-4 space-y-2 text-slate-700">
          <p className="font-medium">This setup link does not work.</p>
          <p className="text-sm">
            Open the whole link that <code>npm start</code> printed in the server&apos;s output (it
            begins with <code>/setup?token=</code>). Each start prints a new one, and any of them
            works until the first owner exists. From a terminal on the server you can also run{' '}
            <code>npm run keydesk -- setup --help</code>.
          </p>
        </div>
      )}
    </main>
  );
}
