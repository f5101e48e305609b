import { useMemo } from "react";
import { DAY_MS } from "#contract/assumptions";
import { utcDay } from "#contract/dates";
import type { DayWindow } from "../../lib/day-window";
import { useLabelOverview, type OverviewParams } from "./api";
import type { ChartModel } from "./chart-model";
import { dailyIndex, findSpikes, SPIKE_RULE, type Spike } from "#contract/unusual-periods";

export type SpikeState =
  | { status: "pending" }
  | { status: "error"; error: Error; retry: () => void }
  | { status: "ready"; spikes: ReadonlyMap<string, Spike> };

/**
 * The unusual periods of the window. Each period is judged against the four weeks before it, so
 * this needs day counts from four weeks before the window to its end: one more overview call
 * (the 28 days before), and for weeks a day-by-day overview of the window too (for days, the
 * view's own overview serves).
 */
export function useSpikes(params: (OverviewParams & DayWindow) | undefined, model: ChartModel | undefined, shown: { isPlaceholderData: boolean }): SpikeState {
  const start = params ? Date.parse(`${params.from}T00:00:00Z`) : 0;
  const history = useLabelOverview(
    params && { ...params, from: utcDay(start - SPIKE_RULE.historyDays * DAY_MS), to: utcDay(start - DAY_MS), granularity: "day" },
  );
  const daily = useLabelOverview(params && { ...params, granularity: "day" });
  const ready = model && !shown.isPlaceholderData && history.data && !history.isPlaceholderData && daily.data && !daily.isPlaceholderData;
  const spikes = useMemo(
    () => (ready ? findSpikes(model, dailyIndex([history.data, daily.data])) : undefined),
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- `ready` stands for the three answers below
    [ready, model, history.data, daily.data],
  );
  const failed = history.isError ? history : daily.isError ? daily : undefined;
  if (failed && !spikes) return { status: "error", error: failed.error!, retry: () => void failed.refetch() };
  return spikes ? { status: "ready", spikes } : { status: "pending" };
}
