import type { AuditEntry } from "#contract/dashboard-api";
import { formatUtc } from "../../lib/format/dates";
import { ACTION_WORDS, describeDetails } from "./audit-words";

/** Newest first: when, who, what, where, and the details (never names or message texts). */
export function AuditTable({ rows, workspaceNames }: { rows: readonly AuditEntry[]; workspaceNames: ReadonlyMap<string, string> }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit log entries">
      <table className="data-table">
        <caption className="visually-hidden">Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Person</th>
            <th scope="col">Action</th>
            <th scope="col">Workspace</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.at}-${i}`}>
              <td className="nowrap">{formatUtc(Date.parse(row.at), true).replace(" UTC", "")}</td>
              <td>{row.actor}</td>
              <td>{ACTION_WORDS[row.action] ?? row.action}</td>
              <td>{row.workspaceId ? (workspaceNames.get(row.workspaceId) ?? row.workspaceId) : "—"}</td>
              <td className="audit-details">{describeDetails(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
