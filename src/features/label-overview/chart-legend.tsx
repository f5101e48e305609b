import type { LabelSeries } from "./chart-model";

/** The legend doubles as the on/off switch for each label. */
export function ChartLegend({
  labels,
  hidden,
  onToggle,
}: {
  labels: LabelSeries[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
}) {
  return (
    <ul className="legend" aria-label="Labels shown (toggle)">
      {labels.map((label) => (
        <li key={label.id}>
          <button type="button" aria-pressed={!hidden.has(label.id)} onClick={() => onToggle(label.id)}>
            <span className="swatch" style={{ background: label.colour }} aria-hidden="true" />
            {label.name}
            {label.custom && <span className="visually-hidden"> (custom AI label)</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
