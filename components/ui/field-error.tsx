/**
 * A field's error message. The control lists `id` in its aria-describedby; `role="alert"` makes
 * screen readers announce the message when it appears. Renders nothing without a message.
 */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm font-medium text-red-700">
      {message}
    </p>
  );
}
