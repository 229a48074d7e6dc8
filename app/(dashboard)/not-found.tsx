import Link from 'next/link';

export default function DashboardNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">
        There is nothing here, or it belongs to another business.
      </p>
      <p className="mt-4">
        <Link href="/license-keys" className="text-indigo-700 underline">
          Back to license keys
        </Link>
      </p>
    </>
  );
}
