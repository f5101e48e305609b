import type { Spike } from "#contract/unusual-periods";

/** A share as a percentage: two decimals under 1 %, one above. */
export const percent = (share: number) => `${(share * 100).toFixed(share < 0.01 ? 2 : 1)}%`;

/** How far above its own history an unusual period is, in the chart's words. */
export const liftWords = (spike: Spike) => (Number.isFinite(spike.lift) ? `${spike.lift.toFixed(1)}× its usual share of the 4 weeks before` : "none in the 4 weeks before");
