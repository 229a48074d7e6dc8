import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-600">
        Your role in this business does not include this page. Ask an owner or an admin if you need
        it.
      </p>
      <p className="mt-4">
        <Link href="/license-keys" className="text-indigo-700 underline">
          Back to license keys
        </Link>
      </p>
    </main>
  );
}
