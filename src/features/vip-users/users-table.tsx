import { useTable } from "@tanstack/react-table";
import { useMemo } from "react";
import { SkeletonRows } from "../../components/feedback";
import { useNow } from "../../components/use-now";
import type { VipUser } from "#contract/responses";
import { userColumns, userTableFeatures } from "./user-columns";

const NO_ROWS: VipUser[] = [];

/** The users page as a table; while a page loads its rows are skeletons. */
export function UsersTable({ rows, loading, busy }: { rows: VipUser[] | undefined; loading: boolean; busy: boolean }) {
  const now = useNow();
  const columns = useMemo(() => userColumns(now), [now]);
  const table = useTable({ features: userTableFeatures, columns, data: rows ?? NO_ROWS });
  return (
    <div className="table-scroll">
      <table className="data-table users-table" aria-busy={busy || loading}>
        <caption className="visually-hidden">VIP users, highest lifetime value first</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {loading ? (
            <SkeletonRows rows={8} columns={columns.length} />
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.original.conversationId}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
