/**
 * A determinate progress bar: `role="progressbar"` named by `label`, its value in whole percent
 * (aria-valuenow, 0 to 100) and `valueText` ("4,500 of 10,000 rows") for screen readers.
 */
export function ProgressBar({
  label,
  percent,
  valueText,
  describedBy,
}: {
  label: string;
  /** 0 to 100. */
  percent: number;
  valueText?: string;
  describedBy?: string;
}) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={valueText ? `${value}%: ${valueText}` : undefined}
      aria-describedby={describedBy}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className="h-full rounded-full bg-indigo-600 motion-safe:transition-[width] motion-safe:duration-500"
        style={{ width: `${value}%` }}
      />
    </div>
  );
}
