/**
 * A progress bar with an accessible name and value text (role progressbar), in up to two colours:
 * done (and, for batches, failed) parts of the width.
 */
export function ProgressBar({
  label,
  percent,
  valueText,
  parts,
}: {
  label: string;
  /** whole percent 0–100 */
  percent: number;
  valueText: string;
  /** widths in percent of the bar; defaults to one part of `percent` */
  parts?: { width: number; kind: 'ok' | 'failed' }[];
}) {
  const shown = parts ?? [{ width: percent, kind: 'ok' as const }];
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
    >
      {shown.map((part, i) => (
        <span key={i} className={`progress-part progress-${part.kind}`} style={{ width: `${part.width}%` }} />
      ))}
    </div>
  );
}
