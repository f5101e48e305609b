import { useSearchParams } from "react-router-dom";
import type { TrendGranularity } from "#contract/trend-windows";
import { readDayWindow, type DayWindow } from "../../lib/day-window";
import { readEnum, readList, withParams } from "../../lib/search-params";

export type Mode = "count" | "rate";
/**
 * "multiples": a small chart per label (the default: labels overlap, so each is read on its
 * own); "stack": tag counts stacked per period, counts only; "table": the numbers.
 */
export type Presentation = "multiples" | "stack" | "table";

export interface LabelsView extends DayWindow {
  granularity: TrendGranularity;
  mode: Mode;
  hidden: string[];
  presentation: Presentation;
  /** Per-label panels drawn on their own scale rather than the shared one. */
  ownScale: string[];
}

/** The Labels view's state from the URL; the window defaults to the last 30 days (UTC). */
export function readLabelsView(params: URLSearchParams, now: number): LabelsView {
  return {
    ...readDayWindow(params, "last30", now),
    granularity: readEnum(params, "granularity", ["day", "week", "month"] as const, "day"),
    // Rates by default: read against the activity baseline, a busy day or a partial one does
    // not look like a surge or a crash.
    mode: readEnum(params, "mode", ["count", "rate"] as const, "rate"),
    hidden: readList(params, "hide"),
    presentation: readEnum(params, "show", ["multiples", "stack", "table"] as const, "multiples"),
    ownScale: readList(params, "own"),
  };
}

export function useLabelsView(now: number) {
  const [params, setParams] = useSearchParams();
  const view = readLabelsView(params, now);
  const update = (patch: Partial<LabelsView>) => {
    const next = { ...view, ...patch };
    setParams(
      withParams(params, {
        from: next.from,
        to: next.to,
        granularity: next.granularity === "day" ? undefined : next.granularity,
        mode: next.mode === "rate" ? undefined : next.mode,
        hide: next.hidden.join(","),
        show: next.presentation === "multiples" ? undefined : next.presentation,
        own: next.ownScale.join(","),
      }),
      // Controls read their value from the URL: apply it at once (see vip-users/url-state).
      { flushSync: true },
    );
  };
  return { view, update };
}

/** A stack of overlapping labels is a count of tags; a "share" of it would add up to nonsense. */
export const plottedMode = (view: LabelsView): Mode => (view.presentation === "stack" ? "count" : view.mode);
