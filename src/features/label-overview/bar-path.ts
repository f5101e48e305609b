/**
 * Bars as one SVG path: each `{ x, height }` a column `column` wide (less `gap`) standing on
 * `baseline`. One element for a whole series re-mounts far faster than a rect per bar.
 */
export function barsPath(bars: readonly { x: number; height: number }[], column: number, gap: number, baseline: number): string {
  const width = Math.max(column - gap, 1).toFixed(2);
  return bars
    .filter((b) => b.height > 0)
    .map((b) => `M${(b.x + gap / 2).toFixed(2)} ${baseline}v${(-b.height).toFixed(2)}h${width}v${b.height.toFixed(2)}z`)
    .join("");
}

/** A value's bar height on a plot `plotHeight` tall with `max` at the top; tiny values get a visible sliver. */
export const barHeight = (value: number, max: number, plotHeight: number): number =>
  max > 0 && value > 0 ? Math.max(1.5, (value / max) * (plotHeight - 2)) : 0;
