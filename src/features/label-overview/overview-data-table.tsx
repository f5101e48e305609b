import type { TrendGranularity } from "#contract/trend-windows";
import { Link, useSearchParams } from "react-router-dom";
import { messagesLink } from "./messages-link";
import { describeBucket } from "./window";
import { useScrollEdges } from "../../components/use-scroll-edges";
import { downloadText } from "../../lib/download";
import { formatCount, formatRate, rate } from "../../lib/format/numbers";
import { overviewTableCsv } from "./overview-table-csv";
import { barId, barLabel, type BarActions } from "./bar-label";
import type { ChartModel } from "./chart-model";
import type { Mode } from "./url-state";
import { unusualNote } from "./spike-text";
import type { Spike } from "#contract/unusual-periods";
import type { EventMarks } from "./event-marks";

/** The first column's header: what a row is. */
export const periodHeader = (granularity: TrendGranularity) =>
  granularity === "week" ? "Week (UTC, from Monday)" : granularity === "month" ? "Month (UTC)" : "Day (UTC)";

/** The chart's numbers as a table: one row per bucket; each non-zero cell opens its drill-down. */
export function OverviewDataTable({
  model,
  granularity,
  mode,
  hidden,
  bars,
  spikes,
  marks,
}: {
  marks: EventMarks;
  model: ChartModel;
  granularity: TrendGranularity;
  mode: Mode;
  hidden: ReadonlySet<string>;
  bars: BarActions;
  spikes: ReadonlyMap<string, Spike> | undefined;
}) {
  const visible = model.labels.filter((l) => !hidden.has(l.id));
  const [params] = useSearchParams();
  const { ref: scrollRef, edges } = useScrollEdges<HTMLDivElement>();
  const filename = `vip-labels-${params.get("ws") ?? "workspace"}-${params.get("ch") ?? "channel"}-${model.buckets[0] ?? ""}_to_${model.buckets.at(-1) ?? ""}-${granularity}-${mode === "rate" ? "share" : "counts"}.csv`;
  return (
    <>
      <div className="table-tools">
        <button type="button" className="button button--secondary" onClick={() => downloadText(overviewTableCsv(model, granularity, mode, hidden, spikes, marks), filename)}>
          Download this table (CSV)
        </button>
      </div>
      <div
        ref={scrollRef}
        className="table-scroll table-scroll--shadowed"
        data-more-left={edges.left || undefined}
        data-more-right={edges.right || undefined}
        tabIndex={0}
        role="region"
        aria-label="Label numbers per period (scrolls sideways)"
      >
      <table className="data-table data-table--sticky-first">
        <caption className="visually-hidden">
          VIP messages carrying each label per UTC {granularity}, {mode === "rate" ? "as a share of all VIP messages" : "as counts"}; a
          message can carry several labels, so a row's labels do not add up
        </caption>
        <thead>
          <tr>
            <th scope="col">{periodHeader(granularity)}</th>
            {visible.map((l) => (
              <th key={l.id} scope="col" className="num">
                {l.name}
              </th>
            ))}
            <th scope="col" className="num">All VIP messages</th>
            <th scope="col">Events</th>
          </tr>
        </thead>
        <tbody>
          {model.buckets.map((bucket) => {
            const activity = model.activity(bucket);
            const partial = model.partial(bucket);
            const pending = model.pending(bucket);
            return (
              <tr key={bucket} className={partial ? "row--partial" : undefined}>
                <th scope="row">
                  {describeBucket(bucket, granularity)}
                  {partial && <span className="partial-tag"> ({partial})</span>}
                </th>
                {visible.map((l) => {
                  if (pending) {
                    return (
                      <td key={l.id} className="num muted">
                        loading…
                      </td>
                    );
                  }
                  const count = model.cell(l.id, bucket).count;
                  const spike = spikes?.get(`${l.id}|${bucket}`);
                  const name = barLabel(l.name, bucket, granularity, count, partial, spike && unusualNote(spike), marks.textAt(bucket));
                  const shown = mode === "rate" ? formatRate(rate(count, activity.count)) : formatCount(count);
                  return (
                    <td key={l.id} className="num">
                      {count === 0 ? (
                        <span className="muted">{shown}</span>
                      ) : (
                        <button
                          type="button"
                          className={spike ? "icon-button icon-button--marked" : "icon-button"}
                          // The name holds what the button shows (a rate is not in the bar's name).
                          aria-label={mode === "rate" ? `${name}, ${shown}` : name}
                          data-bar={barId(l.id, bucket)}
                          onClick={() => bars.open(l.id, bucket)}
                          onMouseEnter={() => bars.preview(l.id, bucket)}
                          onFocus={() => bars.preview(l.id, bucket)}
                        >
                          {spike && (
                            // A drawn mark, not a character: the name already says it, in words.
                            <svg className="spike-mark" width="8" height="7" viewBox="0 0 8 7" aria-hidden="true">
                              <path d="M0,0H8L4,7Z" />
                            </svg>
                          )}
                          {shown}
                        </button>
                      )}
                    </td>
                  );
                })}
                <td className="num">
                  {/* Opens every message of the period: the list's length is this count. */}
                  {pending ? (
                    <span className="muted">loading…</span>
                  ) : bars.messagesAllowed ? (
                    <Link to={messagesLink(params, model.range(bucket))}>{formatCount(activity.count)}</Link>
                  ) : (
                    formatCount(activity.count)
                  )}
                </td>
                <td>{marks.at(bucket).map((e) => e.title).join("; ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </>
  );
}
