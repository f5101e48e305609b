import type { Granularity } from "#contract/responses";
import { describeBucket } from "./window";
import { formatCount, formatRate } from "../../lib/format/numbers";
import type { ChartModel } from "./chart-model";

/**
 * Per-label totals over the window. Unique conversations are not summed across buckets: a
 * conversation in two buckets would count twice, so the sum would not be the number of
 * conversations.
 */
export function TotalsTable({ model, granularity }: { model: ChartModel; granularity: Granularity }) {
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
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All VIP messages</th>
            <td className="num">{formatCount(model.activityTotal)}</td>
            <td className="num" />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
