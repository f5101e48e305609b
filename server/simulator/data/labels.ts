/**
 * The demo's AI conversation labels: 8 built-in label values and 4 custom AI labels (ids
 * `cl_…`). Each has a base weight, a weekday rhythm and bumps: episodes relative to today (an
 * outage, a refund wave, an event) so the overview has something real to show in any recent
 * window, and "Unusual this period" has spikes to find and quiet weeks to leave alone.
 */

/** An episode: the label's weight rises by up to `height` times, `daysAgo` before today, ± `width` days. */
export interface Bump {
  daysAgo: number;
  width: number;
  height: number;
}

export interface DemoLabel {
  id: string;
  name: string;
  custom: boolean;
  /** Relative frequency among labeled messages. */
  weight: number;
  /** Multiplier by weekday (0 = Monday) and age, apart from the bumps. */
  rhythm?: (weekday: number, daysAgo: number) => number;
  bumps: readonly Bump[];
  /** Labels that tend to come along with this one. */
  companions: readonly string[];
}

/** A bump this tall (the label at three times its weight or more at the peak) is an injected spike. */
export const SPIKE_HEIGHT = 2;

const bump = (daysAgo: number, { daysAgo: centre, width, height }: Bump) => 1 + height * Math.exp(-((daysAgo - centre) ** 2) / (2 * width * width));

/** The label's weight multiplier `daysAgo` before today, on `weekday` (0 = Monday). */
export function labelShape(label: DemoLabel, daysAgo: number, weekday: number): number {
  return label.bumps.reduce((shape, b) => shape * bump(daysAgo, b), label.rhythm?.(weekday, daysAgo) ?? 1);
}

const weekendLift = (lift: number) => (weekday: number) => (weekday >= 5 ? 1 + lift : 1);

export const DEMO_LABELS: readonly DemoLabel[] = [
  {
    id: "frustrated",
    name: "Frustrated",
    custom: false,
    weight: 16,
    rhythm: weekendLift(0.2),
    // Recent episodes, then a rough spring and last winter's launch for the long trends.
    bumps: [
      { daysAgo: 17, width: 2, height: 5.5 },
      { daysAgo: 61, width: 2, height: 1.5 },
      { daysAgo: 210, width: 12, height: 0.8 },
      { daysAgo: 372, width: 5, height: 2.5 },
    ],
    companions: ["churn_risk", "bug_report", "cl_refund"],
  },
  {
    id: "churn_risk",
    name: "Churn risk",
    custom: false,
    weight: 7,
    // Rising over the recent months; lower, and flat, before them.
    rhythm: (_w, d) => Math.max(0.7, 1 + 0.003 * (120 - d)),
    bumps: [{ daysAgo: 15, width: 3, height: 1.8 }],
    companions: ["frustrated"],
  },
  {
    id: "bug_report",
    name: "Bug report",
    custom: false,
    weight: 12,
    bumps: [{ daysAgo: 17, width: 1.2, height: 4.5 }, { daysAgo: 61, width: 1.5, height: 2 }],
    companions: ["frustrated"],
  },
  {
    id: "praise",
    name: "Praise",
    custom: false,
    weight: 14,
    rhythm: weekendLift(0.35),
    bumps: [{ daysAgo: 27, width: 4, height: 1.2 }],
    companions: ["cl_event"],
  },
  {
    id: "purchase_intent",
    name: "Purchase intent",
    custom: false,
    weight: 10,
    rhythm: weekendLift(0.4),
    bumps: [{ daysAgo: 4, width: 1.5, height: 1.4 }],
    companions: ["question"],
  },
  {
    id: "account_issue",
    name: "Account issue",
    custom: false,
    weight: 6,
    bumps: [{ daysAgo: 44, width: 2, height: 2.5 }],
    companions: ["frustrated"],
  },
  {
    id: "toxic",
    name: "Toxic language",
    custom: false,
    weight: 3,
    rhythm: weekendLift(0.5),
    bumps: [{ daysAgo: 17, width: 2, height: 1 }],
    companions: ["frustrated"],
  },
  {
    id: "question",
    name: "Question",
    custom: false,
    weight: 18,
    rhythm: (w) => (w >= 5 ? 0.8 : 1.1),
    bumps: [],
    companions: [],
  },
  {
    id: "cl_refund",
    name: "Refund request",
    custom: true,
    weight: 5,
    bumps: [{ daysAgo: 9, width: 1.5, height: 6 }, { daysAgo: 45, width: 2, height: 1.5 }],
    companions: ["frustrated"],
  },
  {
    id: "cl_p2w",
    name: "Pay-to-win complaint",
    custom: true,
    weight: 4,
    bumps: [{ daysAgo: 4, width: 2, height: 3.5 }, { daysAgo: 33, width: 3, height: 1 }],
    companions: ["frustrated", "churn_risk"],
  },
  {
    id: "cl_event",
    name: "Event feedback",
    custom: true,
    weight: 6,
    bumps: [{ daysAgo: 27, width: 3.5, height: 3.5 }, { daysAgo: 88, width: 3, height: 2.5 }],
    companions: ["praise"],
  },
  {
    id: "cl_giftcode",
    name: "Gift code issue",
    custom: true,
    weight: 3,
    bumps: [{ daysAgo: 2, width: 1, height: 5 }, { daysAgo: 52, width: 1.5, height: 3 }],
    companions: ["question"],
  },
];

export const DEMO_LABELS_BY_ID = new Map(DEMO_LABELS.map((l) => [l.id, l]));
