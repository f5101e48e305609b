import { useMutation } from "@tanstack/react-query";
import type { ExportAnswer } from "#contract/dashboard-api";
import { triggerDownload } from "../lib/download";
import { plural } from "../lib/format/numbers";

/**
 * Export CSV: asks the server to prepare the file (which can take a while for large sets),
 * says so while it does, then hands the signed link to the browser as a download.
 */
export function ExportButton({
  run,
  preparing,
  disabled,
}: {
  run: () => Promise<ExportAnswer>;
  /** What the button says while the file is prepared, e.g. "Preparing 1,234 rows…". */
  preparing: string;
  disabled?: boolean;
}) {
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (answer) => triggerDownload(answer.downloadUrl, answer.filename),
  });
  return (
    <div className="export">
      <button
        type="button"
        className="button"
        onClick={() => mutation.mutate()}
        disabled={disabled || mutation.isPending}
        aria-busy={mutation.isPending}
      >
        {mutation.isPending ? preparing : mutation.isError ? "Retry export" : "Export CSV"}
      </button>
      <span className="export__status" role="status" aria-live="polite">
        {mutation.isSuccess && `Downloaded ${plural(mutation.data.totalCount, "row")} as ${mutation.data.filename}`}
      </span>
      {mutation.isError && (
        <span className="export__error" role="alert">
          Export failed: {mutation.error.message}
        </span>
      )}
    </div>
  );
}
