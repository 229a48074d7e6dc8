import Link from 'next/link';

const NOTICES = {
  'not-found': {
    title: 'Not found',
    text: 'There is nothing here, or it belongs to another business.',
  },
  forbidden: {
    title: 'Not allowed',
    text: 'Your role in this business does not include this page. Ask an owner or an admin if you need it.',
  },
} as const;

/**
 * The page for a missing page or object, or one the member's role does not include: a heading, a
 * sentence and the way back to the license keys. `standalone` when no layout frames it.
 */
export function StatusNotice({
  kind,
  standalone = false,
}: {
  kind: keyof typeof NOTICES;
  standalone?: boolean;
}) {
  const { title, text } = NOTICES[kind];
  const content = (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{text}</p>
      <p className="mt-4">
        <Link href="/license-keys" className="text-indigo-700 underline">
          Back to license keys
        </Link>
      </p>
    </>
  );
  return standalone ? <main className="mx-auto max-w-xl px-4 py-16">{content}</main> : content;
}
