import type { TrendGranularity } from "#contract/trend-windows";
import { formatUtcRange } from "../../lib/format/dates";
import { describeBucket } from "./window";
import { formatCount, formatRate, rate } from "../../lib/format/numbers";
import type { ChartModel } from "./chart-model";

/** Tooltip for one bucket: each shown label's count, unique conversations and rate. */
export function ChartTooltipContent({
  bucket,
  model,
  granularity,
  hidden,
}: {
  bucket: string | undefined;
  model: ChartModel;
  granularity: TrendGranularity;
  hidden: ReadonlySet<string>;
}) {
  if (!bucket) return null;
  const activity = model.activity(bucket);
  return (
    <div className="chart-tooltip">
      <strong>{describeBucket(bucket, granularity)}</strong>
      {model.partial(bucket) && <span className="partial-tag"> {model.partial(bucket)}</span>}
      <div className="muted">{formatUtcRange(model.range(bucket))}</div>
      <table>
        <thead>
          <tr>
            <td />
            <td className="num muted">msgs</td>
            <td className="num muted">convs</td>
            <td className="num muted">rate</td>
          </tr>
        </thead>
        <tbody>
          {model.labels
            .filter((l) => !hidden.has(l.id))
            .map((label) => {
              const row = model.cell(label.id, bucket);
              return (
                <tr key={label.id}>
                  <td>
                    <span className="swatch" style={{ background: label.colour }} /> {label.name}
                  </td>
                  <td className="num">{formatCount(row.count)}</td>
                  <td className="num">{row.uniqueConversations === undefined ? "–" : formatCount(row.uniqueConversations)}</td>
                  <td className="num">{formatRate(rate(row.count, activity.count))}</td>
                </tr>
              );
            })}
          <tr>
            <td>All VIP messages (each counted once)</td>
            <td className="num">{formatCount(activity.count)}</td>
            <td className="num">{activity.uniqueConversations === undefined ? "–" : formatCount(activity.uniqueConversations)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
