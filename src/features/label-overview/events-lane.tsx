import { EventTitle } from "../../components/event-title";
import type { ChartModel } from "./chart-model";
import type { EventMarks } from "./event-marks";
import { describeEvent, formatEventDays } from "../../lib/format/dates";

const ROW_HEIGHT = 16;

/**
 * The team's events over the chart's time axis: each a numbered strip across the periods it
 * touches, on the columns the bars below use, in as many rows as overlapping events need. The
 * legend under it says what each number is; a bar's name lists its period's events in words.
 */
export function EventsLane({ model, marks, width, left = 0, right = 0 }: { model: ChartModel; marks: EventMarks; width: number; left?: number; right?: number }) {
  if (marks.list.length === 0) return null;
  const n = model.buckets.length;
  const column = (width - left - right) / Math.max(n, 1);
  const index = new Map(model.buckets.map((b, i) => [b, i]));
  // Greedy rows: an event goes in the first row whose last strip ends before it starts.
  const rowEnds: number[] = [];
  const strips = marks.list.map((event) => {
    const touched = model.buckets.filter((b) => marks.at(b).includes(event));
    const first = index.get(touched[0]!) ?? 0;
    const last = index.get(touched.at(-1)!) ?? first;
    let row = rowEnds.findIndex((end) => end < first);
    if (row === -1) row = rowEnds.push(last) - 1;
    else rowEnds[row] = last;
    return { event, first, last, row };
  });
  const height = rowEnds.length * ROW_HEIGHT + 2;
  return (
    <div className="events-lane">
      <ol className="events-legend" aria-label="Events in this window">
        {marks.list.map((event) => (
          <li key={event.id}>
            <span className="events-legend__number" aria-hidden="true">
              {marks.number(event)}
            </span>
            <span className="events-legend__title">
              <EventTitle event={event} />
            </span>{" "}
            <span className="muted">{formatEventDays(event)} (UTC)</span>
          </li>
        ))}
      </ol>
      <svg width={width} height={height} role="img" aria-label={`Events on this chart: ${marks.list.map((e) => describeEvent(e)).join("; ")}`}>
        {strips.map(({ event, first, last, row }) => {
          const x = left + first * column + 1;
          const w = Math.max((last - first + 1) * column - 2, 14);
          const y = row * ROW_HEIGHT + 1;
          return (
            <g key={event.id} className="events-lane__strip">
              <title>{describeEvent(event)}</title>
              <rect x={x} y={y} width={w} height={ROW_HEIGHT - 3} rx={3} />
              <text x={x + 4} y={y + ROW_HEIGHT - 6}>
                {marks.number(event)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
