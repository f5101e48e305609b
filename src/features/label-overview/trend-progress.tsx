import { QueryError } from "../../components/query-error";
import type { TrendProgress } from "./use-long-trend";

/**
 * A long trend's first fill, said where the chart is: "8 of 13 months", a Stop (what arrived
 * stays drawn) and Continue, and each window that failed named with its own Retry, so one
 * failure never costs the windows that arrived.
 */
export function TrendProgressBar({ progress }: { progress: TrendProgress }) {
  const { arrived, total, unit, extraArrived, extraTotal, stopped, failed } = progress;
  const rangeDone = arrived === total;
  const allDone = rangeDone && extraArrived === extraTotal;
  const loading = arrived + extraArrived + failed.length < total + extraTotal;
  if (allDone && failed.length === 0) return null;
  return (
    <div className="trend-progress">
      <div className="trend-progress__row">
        <progress max={total} value={arrived} aria-label={`Loaded ${arrived} of ${total} ${unit}`} />
        <p className="trend-progress__text" role="status">
          {rangeDone ? `All ${total} ${unit} loaded` : `Loaded ${arrived} of ${total} ${unit}`}
          {extraTotal > 0 && !(extraArrived === extraTotal) && (
            <span className="muted">
              {" "}
              · the year-earlier line and the unusual periods: {extraArrived} of {extraTotal} windows
            </span>
          )}
          {stopped && " · stopped"}
        </p>
        {stopped ? (
          <button type="button" className="button button--secondary" onClick={progress.resume}>
            Continue loading
          </button>
        ) : (
          loading && (
            <button type="button" className="button button--secondary" onClick={progress.stop}>
              Stop loading
            </button>
          )
        )}
      </div>
      {failed.map((f) => (
        <QueryError key={f.key} error={f.error} what={f.name} onRetry={f.retry} />
      ))}
    </div>
  );
}
