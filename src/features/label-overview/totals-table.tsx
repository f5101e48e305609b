import type { TrendGranularity } from "#contract/trend-windows";
import { describeBucket } from "./window";
import { formatCount, formatRate } from "../../lib/format/numbers";
import type { ChartModel } from "./chart-model";
import { comparisonName, describeChange, describeShareChange, type Comparison } from "./comparison";

/**
 * Per-label totals over the window. Unique conversations are not summed across buckets: a
 * conversation in two buckets would count twice, so the sum would not be the number of
 * conversations.
 */
export function TotalsTable({ model, granularity, previous }: { model: ChartModel; granularity: TrendGranularity; previous: Comparison | undefined }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Totals per label">
      <table className="data-table">
        <caption className="visually-hidden">Totals per label for the window</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col" className="num">Messages</th>
            <th scope="col" className="num">Share</th>
            <th scope="col">Busiest {granularity}</th>
            {previous && (
              <>
                <th scope="col" className="num">{comparisonName(previous)}</th>
                <th scope="col" className="num">Change</th>
                <th scope="col" className="num">Share change</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {model.totals().map(({ label, count, rate, peak }) => (
            <tr key={label.id}>
              <th scope="row">
                <span className="swatch" style={{ background: label.colour }} aria-hidden="true" /> {label.name}
              </th>
              <td className="num">{formatCount(count)}</td>
              <td className="num">{formatRate(rate)}</td>
              <td>{peak ? `${describeBucket(peak.bucket, granularity)} (${formatCount(peak.count)})` : "–"}</td>
              {previous && <ComparisonCells count={count} rate={rate} before={previous.byLabel.get(label.id)} />}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All VIP messages</th>
            <td className="num">{formatCount(model.activityTotal)}</td>
            <td className="num" />
            <td />
            {previous && (
              <>
                <td className="num">{formatCount(previous.activityTotal)}</td>
                <td className="num">{describeChange(model.activityTotal, previous.activityTotal, formatCount)}</td>
                <td />
              </>
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A label's previous total and the changes; a label that did not exist then says so. */
function ComparisonCells({ count, rate, before }: { count: number; rate: number | undefined; before: { previousCount: number | undefined; previousRate: number | undefined } | undefined }) {
  if (!before || before.previousCount === undefined) {
    return (
      <>
        <td className="num muted">not a label then</td>
        <td className="num">–</td>
        <td className="num">–</td>
      </>
    );
  }
  return (
    <>
      <td className="num">{formatCount(before.previousCount)}</td>
      <td className="num">{describeChange(count, before.previousCount, formatCount)}</td>
      <td className="num">{describeShareChange(rate, before.previousRate)}</td>
    </>
  );
}
