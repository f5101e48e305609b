import { formatCount } from "../../lib/format/numbers";
import { PAGE_SIZES } from "./url-state";

/**
 * "Showing 51–100 of 1,234", or "of at least 10,000" when the upstream stopped counting
 * (scanCapped): a lower bound is never shown as an exact total.
 */
export function pageSummary(offset: number, returned: number, total: number, capped: boolean): string {
  if (returned === 0) return capped ? `No rows here; at least ${formatCount(total)} in all` : `No rows here; ${formatCount(total)} in all`;
  const of = capped ? `at least ${formatCount(total)}` : formatCount(total);
  return `Showing ${formatCount(offset + 1)}–${formatCount(offset + returned)} of ${of}`;
}

export function Pagination({
  summary,
  size,
  hasPrevious,
  hasNext,
  onPage,
  onSize,
  busy,
}: {
  summary: string | undefined;
  size: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPage: (delta: -1 | 1) => void;
  onSize: (size: number) => void;
  busy: boolean;
}) {
  return (
    <nav id="users-pages" className="pagination" aria-label="Pages" tabIndex={-1}>
      <p className="pagination__summary" aria-live="polite">
        {summary ?? "\u00a0"}
        {busy && <span className="muted"> · loading…</span>}
      </p>
      <label className="field field--inline">
        <span className="field__label">Rows per page</span>
        <select value={size} onChange={(e) => onSize(Number(e.target.value))}>
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--secondary" disabled={!hasPrevious} onClick={() => onPage(-1)}>
        Previous page
      </button>
      <button type="button" className="button button--secondary" disabled={!hasNext} onClick={() => onPage(1)}>
        Next page
      </button>
    </nav>
  );
}
