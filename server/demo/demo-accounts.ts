/**
 * The demo's people: one per role, plus a newcomer with no grant, so anyone can try what each
 * role sees. Their grants are in demo-access-policy.json (roles come from the policy, never
 * from the identity provider).
 */
export interface DemoAccount {
  id: string;
  email: string;
  name: string;
  groups: string[];
  /** What the sign-in page says this person may do. */
  blurb: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { id: "vera", email: "vera.viewer@aurora.demo", name: "Vera Viewer", groups: [], blurb: "viewer in Aurora Games: the label overview only" },
  { id: "ana", email: "ana.analyst@aurora.demo", name: "Ana Analyst", groups: [], blurb: "analyst in Aurora Games: also VIP players and messages" },
  { id: "eli", email: "eli.exporter@aurora.demo", name: "Eli Exporter", groups: [], blurb: "exporter in Aurora Games: also CSV exports" },
  { id: "ada", email: "ada.admin@studio.demo", name: "Ada Admin", groups: ["cm-leads"], blurb: "admin everywhere (group cm-leads): also the audit log" },
  { id: "noah", email: "noah.newcomer@studio.demo", name: "Noah Newcomer", groups: [], blurb: "no grant yet: sees whom to ask" },
];
