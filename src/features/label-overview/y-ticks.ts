/**
 * Light y-axis ticks for a small panel: up to `most` round values (1, 2 or 5 times a power of
 * ten) from zero to at most `max`, so a reader can put a number to a bar's height.
 */
export function yTicks(max: number, most = 4): number[] {
  if (!(max > 0)) return [];
  const raw = max / most;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  // A tick within a rounding hair of the top still counts as inside.
  for (let v = step; v <= max * (1 + 1e-9); v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}
