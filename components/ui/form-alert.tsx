/**
 * A message about the whole form (not one field), announced when it appears. Renders nothing
 * without a message. `id` lets a control list it in its aria-describedby.
 */
export function FormAlert({ id, message }: { id?: string; message?: string | null }) {
  if (!message) return null;
  return (
    <div
      id={id}
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
    >
      {message}
    </div>
  );
}
