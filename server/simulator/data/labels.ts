/**
 * The demo's AI conversation labels: 8 built-in label values and 4 custom AI labels (ids
 * `cl_…`). Each has a base weight and a shape over time (weekday rhythm, spikes relative to
 * today) so the overview chart has something real to show in any recent window.
 */
export interface DemoLabel {
  id: string;
  name: string;
  custom: boolean;
  /** Relative frequency among labeled messages. */
  weight: number;
  /** Multiplier for a day `daysAgo` before today, `weekday` 0 = Monday. */
  shape(daysAgo: number, weekday: number): number;
  /** Labels that tend to come along with this one. */
  companions: readonly string[];
}

const bump = (daysAgo: number, centre: number, width: number, height: number) =>
  1 + height * Math.exp(-((daysAgo - centre) ** 2) / (2 * width * width));

const weekendLift = (weekday: number, lift: number) => (weekday >= 5 ? 1 + lift : 1);

export const DEMO_LABELS: readonly DemoLabel[] = [
  {
    id: "frustrated",
    name: "Frustrated",
    custom: false,
    weight: 16,
    shape: (d, w) => bump(d, 17, 1.5, 3.2) * bump(d, 61, 2, 1.5) * weekendLift(w, 0.2),
    companions: ["churn_risk", "bug_report", "cl_refund"],
  },
  {
    id: "churn_risk",
    name: "Churn risk",
    custom: false,
    weight: 7,
    shape: (d) => bump(d, 15, 3, 1.8) * (1 + 0.003 * (120 - d)),
    companions: ["frustrated"],
  },
  {
    id: "bug_report",
    name: "Bug report",
    custom: false,
    weight: 12,
    shape: (d) => bump(d, 17, 1.2, 4.5) * bump(d, 61, 1.5, 2),
    companions: ["frustrated"],
  },
  {
    id: "praise",
    name: "Praise",
    custom: false,
    weight: 14,
    shape: (d, w) => bump(d, 27, 4, 1.2) * weekendLift(w, 0.35),
    companions: ["cl_event"],
  },
  {
    id: "purchase_intent",
    name: "Purchase intent",
    custom: false,
    weight: 10,
    shape: (d, w) => weekendLift(w, 0.6) * bump(d, 4, 1.5, 1.4),
    companions: ["question"],
  },
  {
    id: "account_issue",
    name: "Account issue",
    custom: false,
    weight: 6,
    shape: (d) => bump(d, 44, 2, 2.5),
    companions: ["frustrated"],
  },
  {
    id: "toxic",
    name: "Toxic language",
    custom: false,
    weight: 3,
    shape: (d, w) => weekendLift(w, 0.5) * bump(d, 17, 2, 1),
    companions: ["frustrated"],
  },
  {
    id: "question",
    name: "Question",
    custom: false,
    weight: 18,
    shape: (d, w) => (w >= 5 ? 0.8 : 1.1),
    companions: [],
  },
  {
    id: "cl_refund",
    name: "Refund request",
    custom: true,
    weight: 5,
    shape: (d) => bump(d, 9, 1.5, 4) * bump(d, 16, 2, 1.5),
    companions: ["frustrated"],
  },
  {
    id: "cl_p2w",
    name: "Pay-to-win complaint",
    custom: true,
    weight: 4,
    shape: (d) => bump(d, 4, 2, 2.2) * bump(d, 33, 3, 1),
    companions: ["frustrated", "churn_risk"],
  },
  {
    id: "cl_event",
    name: "Event feedback",
    custom: true,
    weight: 6,
    shape: (d) => bump(d, 27, 3.5, 3.5) * bump(d, 88, 3, 2.5),
    companions: ["praise"],
  },
  {
    id: "cl_giftcode",
    name: "Gift code issue",
    custom: true,
    weight: 3,
    shape: (d) => bump(d, 2, 1, 5) * bump(d, 52, 1.5, 3),
    companions: ["question"],
  },
];

export const DEMO_LABELS_BY_ID = new Map(DEMO_LABELS.map((l) => [l.id, l]));
