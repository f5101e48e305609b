/**
 * What the dashboard server adds on top of the Dynamo API's shapes: the export answer (a
 * same-origin download link instead of the Storage URL) and the health check.
 * Shared by the server, which produces them, and the SPA, which reads them.
 */
export interface ExportAnswer {
  totalCount: number;
  /** Same-origin path that streams the CSV: `/api/downloads/<signed token>`. */
  downloadUrl: string;
  filename: string;
  /** When the link (and the Storage URL behind it) stops working. */
  expiresAt: string;
}

export interface HealthAnswer {
  status: "ok";
  mode: "demo" | "live";
  uptimeSeconds: number;
}
