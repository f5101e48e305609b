/** In place of an Export button, for a role without exports: why, and whom to ask. */
export function ExportUnavailable({ contact }: { contact: string }) {
  return (
    <p className="export-unavailable" title={`Ask ${contact} for the exporter role.`}>
      CSV export needs the exporter role. Ask {contact}.
    </p>
  );
}

/** Whether a view may offer exports: "allowed", or whom to ask for them. */
export type ExportAccess = "allowed" | { contact: string };
