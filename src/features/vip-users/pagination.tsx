import { useState } from "react";
import { formatCount } from "../../lib/format/numbers";
import { lastPage, pageItems } from "./page-numbers";
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

/**
 * Paging through the list: first, previous, page numbers, next, last, and "Go to page" (the
 * upstream pages by offset, so any page can be reached at once). When the upstream stopped
 * counting, the last page is not known: the count reads "at least" and there is no Last.
 */
export function Pagination({
  summary,
  page,
  size,
  total,
  capped,
  hasNext,
  onGo,
  onSize,
  busy,
}: {
  summary: string | undefined;
  page: number;
  size: number;
  /** The total as the last answer gave it; undefined before the first answer. */
  total: number | undefined;
  capped: boolean;
  hasNext: boolean;
  onGo: (page: number) => void;
  onSize: (size: number) => void;
  busy: boolean;
}) {
  const last = total === undefined ? undefined : lastPage(total, size);
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
      <div className="pagination__pages">
        <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onGo(1)}>
          First page
        </button>
        <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onGo(page - 1)}>
          Previous page
        </button>
        {last !== undefined &&
          pageItems(Math.min(page, last), last).map((item, i) =>
            item === "gap" ? (
              <span key={`gap-${i}`} className="pagination__gap" aria-hidden="true">
                …
              </span>
            ) : (
              <button
                key={item}
                type="button"
                className="button button--secondary pagination__number"
                aria-label={`Page ${item}`}
                aria-current={item === page ? "page" : undefined}
                onClick={() => onGo(item)}
              >
                {item}
              </button>
            ),
          )}
        {capped && <span className="muted pagination__gap">and more</span>}
        <button type="button" className="button button--secondary" data-page-step="next" disabled={!hasNext} onClick={() => onGo(page + 1)}>
          Next page
        </button>
        {!capped && last !== undefined && (
          <button type="button" className="button button--secondary" disabled={page >= last} onClick={() => onGo(last)}>
            Last page
          </button>
        )}
      </div>
      <GoToPage page={page} last={capped ? undefined : last} onGo={onGo} />
    </nav>
  );
}

/** A page number typed in; beyond the last known page it says so rather than jumping. */
function GoToPage({ page, last, onGo }: { page: number; last: number | undefined; onGo: (page: number) => void }) {
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string>();
  return (
    <form
      className="pagination__go"
      // Our own message, the same in every browser, rather than the browser's bubble.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const wanted = Number(value);
        if (!Number.isInteger(wanted) || wanted < 1) return setProblem("Type a page number, 1 or more.");
        if (last !== undefined && wanted > last) return setProblem(`There are ${formatCount(last)} pages.`);
        setProblem(undefined);
        setValue("");
        if (wanted !== page) onGo(wanted);
      }}
    >
      <label className="field field--inline">
        <span className="field__label">Go to page</span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={last}
          value={value}
          placeholder={String(page)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "go-to-page-problem" : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" className="button button--secondary">
        Go
      </button>
      {problem && (
        <span id="go-to-page-problem" className="pagination__problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
