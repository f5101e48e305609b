/**
 * A notification before it is dressed for a destination: e-mail, Slack, Discord and the
 * webhook's JSON all render this one model, so every destination says the same thing.
 */
export interface NotifySection {
  title: string;
  lines: string[];
  /** A link that opens the full list or the bar in the dashboard. */
  link?: { text: string; url: string };
}

export interface NotifyMessage {
  kind: "digest" | "alert" | "test";
  title: string;
  /** One sentence under the title. */
  summary: string;
  sections: NotifySection[];
  /** Whether names, birthdays or message texts are in it (audited when sent). */
  personalData: boolean;
  /** How many players it names (for the audit row). */
  playersNamed: number;
  /** True when every section is empty (the "nothing to report" choice applies). */
  empty: boolean;
  /** The dashboard view it came from. */
  dashboardUrl: string;
}
