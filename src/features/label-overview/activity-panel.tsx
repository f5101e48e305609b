import { useNavigate, useSearchParams } from "react-router-dom";
import type { TrendGranularity } from "#contract/trend-windows";
import { formatCount, plural } from "../../lib/format/numbers";
import { barHeight, barsPath } from "./bar-path";
import type { ChartModel } from "./chart-model";
import { messagesLink } from "./messages-link";
import { useRovingBars } from "./use-roving-bars";
import { describeBucket } from "./window";

const PLOT_HEIGHT = 48;

/**
 * The baseline as its own small chart: all VIP messages per period, each counted once, on its
 * own scale. A period opens the Messages view for exactly its days, where the list's length is
 * this count. One tab stop, arrows between periods, Enter opens. For someone whose role does not
 * include messages (`linked` false), the periods are read, not links.
 */
export function ActivityPanel({ model, granularity, width, linked }: { model: ChartModel; granularity: TrendGranularity; width: number; linked: boolean }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const open = (bucket: string) => void navigate(messagesLink(params, model.range(bucket)));
  const roving = useRovingBars({ labels: ["activity"], buckets: model.buckets, exists: () => true, open: (_l, bucket) => !model.pending(bucket) && open(bucket) });
  const column = width / Math.max(model.buckets.length, 1);
  const gap = Math.min(2, column * 0.2);
  const max = Math.max(1, ...model.buckets.map((b) => model.activity(b).count));
  const path = barsPath(
    model.buckets.map((bucket, i) => ({ x: i * column, height: barHeight(model.activity(bucket).count, max, PLOT_HEIGHT) })),
    column,
    gap,
    PLOT_HEIGHT,
  );
  return (
    <div className="multiple multiple--activity" data-bars="">
      <h2 className="multiple__head" id="multiple-activity">
        All VIP messages, each counted once
        <span className="multiple__total">
          {formatCount(model.activityTotal)} · own scale, 0 to {formatCount(max)}
        </span>
      </h2>
      <svg width={width} height={PLOT_HEIGHT + 4} className="multiple__plot" role="group" aria-labelledby="multiple-activity">
        <path className="multiple__bar activity-bars" d={path} />
        {model.buckets.map((bucket, i) =>
          model.pending(bucket) ? <rect key={bucket} className="multiple__pending" x={i * column + gap / 2} y={PLOT_HEIGHT * 0.35} width={Math.max(column - gap, 1)} height={PLOT_HEIGHT * 0.65} aria-hidden="true" /> : null,
        )}
        {model.buckets.map((bucket, i) => {
          const partial = model.partial(bucket);
          const count = model.activity(bucket).count;
          const pending = model.pending(bucket);
          return (
            <rect
              key={bucket}
              className="multiple__hit"
              x={i * column}
              y={0}
              width={column}
              height={PLOT_HEIGHT}
              role={linked ? "link" : "img"}
              tabIndex={linked ? roving.tabIndex("activity", bucket) : undefined}
              aria-label={`All VIP messages, ${describeBucket(bucket, granularity)}${partial ? ` (${partial})` : ""}: ${pending ? "loading" : `${plural(count, "message")}${linked ? "; open them" : ""}`}`}
              aria-disabled={(linked && pending) || undefined}
              data-bar={`activity|${bucket}`}
              onClick={linked && !pending ? () => open(bucket) : undefined}
              onKeyDown={linked ? (event) => roving.onKeyDown(event, "activity", bucket) : undefined}
              onFocus={linked ? () => roving.onFocus("activity", bucket) : undefined}
            />
          );
        })}
      </svg>
    </div>
  );
}
