import type { ReactNode } from "react";

/** Placeholder rows while data loads; hidden from screen readers, which hear the busy region. */
export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_row, r) => (
        <tr key={r} className="skeleton-row" aria-hidden="true">
          {Array.from({ length: columns }, (_cell, c) => (
            <td key={c}>
              <span className="skeleton" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function SkeletonBlock({ label, height = 320 }: { label: string; height?: number }) {
  return (
    <div className="skeleton-block" style={{ height }} role="status" aria-label={label}>
      <span className="visually-hidden">{label}</span>
    </div>
  );
}

/** What matched nothing, said plainly, with an optional way out. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <p className="empty-state__title">{title}</p>
      {children}
    </div>
  );
}
