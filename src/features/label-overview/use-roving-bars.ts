import { useState, type KeyboardEvent } from "react";
import { barId } from "./bar-label";

export interface BarCell {
  label: string;
  bucket: string;
}

/** Arrow keys move along a label's buckets (left, right) and between labels (up, down). */
const MOVES: Record<string, [number, number]> = {
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
};

/**
 * A chart's bars as one tab stop (roving tabindex): Tab enters on the last bar focused (or the
 * first), arrows move, Home/End jump to a label's first/last bucket, Enter or Space opens.
 * `exists` says which cells are drawn (a stack draws no zero segment); moving skips the others.
 * The bars live under an element marked `data-bars`, each with its `data-bar` id.
 */
export function useRovingBars({
  labels,
  buckets,
  exists,
  open,
}: {
  labels: string[];
  buckets: string[];
  exists: (label: string, bucket: string) => boolean;
  open: (label: string, bucket: string) => void;
}) {
  const [active, setActive] = useState<BarCell>();
  const isDrawn = (c: BarCell | undefined): c is BarCell =>
    !!c && labels.includes(c.label) && buckets.includes(c.bucket) && exists(c.label, c.bucket);
  const first = (): BarCell | undefined => {
    for (const label of labels) for (const bucket of buckets) if (exists(label, bucket)) return { label, bucket };
    return undefined;
  };
  const stop = isDrawn(active) ? active : first();

  const focusCell = (from: Element, cell: BarCell) =>
    from.closest("[data-bars]")?.querySelector<SVGElement | HTMLElement>(`[data-bar="${CSS.escape(barId(cell.label, cell.bucket))}"]`)?.focus();

  /** The next drawn cell from (row, col) in a direction, or undefined at the edge. */
  const step = (row: number, col: number, [dr, dc]: [number, number]): BarCell | undefined => {
    for (let r = row + dr, c = col + dc; r >= 0 && r < labels.length && c >= 0 && c < buckets.length; r += dr, c += dc) {
      const cell = { label: labels[r]!, bucket: buckets[c]! };
      if (exists(cell.label, cell.bucket)) return cell;
    }
    return undefined;
  };

  return {
    active: isDrawn(active) ? active : undefined,
    tabIndex: (label: string, bucket: string): 0 | -1 => (stop?.label === label && stop.bucket === bucket ? 0 : -1),
    onFocus: (label: string, bucket: string) => setActive({ label, bucket }),
    onKeyDown(event: KeyboardEvent, label: string, bucket: string) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open(label, bucket);
        return;
      }
      const row = labels.indexOf(label);
      const col = buckets.indexOf(bucket);
      let target: BarCell | undefined;
      if (event.key === "Home") target = step(row, -1, [0, 1]);
      else if (event.key === "End") target = step(row, buckets.length, [0, -1]);
      else if (MOVES[event.key]) target = step(row, col, MOVES[event.key]!);
      else return;
      event.preventDefault();
      if (target) focusCell(event.currentTarget, target);
    },
  };
}

export type RovingBars = ReturnType<typeof useRovingBars>;
