/**
 * Is the unusual-period rule worth waking someone for? Synthetic VIP traffic with weekly
 * seasonality (quiet weekends) and overdispersion (negative-binomial activity, a label share that
 * wanders from day to day), checked every 15 minutes over the current UTC day exactly as alerts
 * are (contract/unusual-periods.ts, the chart's rule): false alerts per label per 90 days on
 * series with no episode, and on series with injected episodes, how many are alerted and how soon.
 *
 *   node --import tsx bench/alert-rule.ts [--labels 40] [--seed 7]
 */
import { DAY_MS } from "#contract/assumptions";
import { baselinesOf, findSpikes, SPIKE_RULE, type DailyIndex, type PeriodCounts } from "#contract/unusual-periods";

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]]));
const LABELS = Number(args.get("--labels") ?? 40);
const SEED = Number(args.get("--seed") ?? 7);
const DAYS = 90;
const CHECKS_PER_DAY = 96;
const FLOOR_FALSE_PER_90_DAYS = 1;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
/** Gamma(shape, 1) by Marsaglia–Tsang. */
function gamma(shape: number): number {
  if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
function poisson(mean: number): number {
  if (mean < 30) {
    let k = 0;
    let p = 1;
    const limit = Math.exp(-mean);
    while ((p *= random()) > limit) k++;
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
}
/** Negative binomial with mean `mean` and dispersion `k` (variance mean + mean²/k). */
const negBin = (mean: number, k: number) => poisson(mean * (gamma(k) / k));
function binomial(n: number, p: number): number {
  if (n < 50) {
    let k = 0;
    for (let i = 0; i < n; i++) if (random() < p) k++;
    return k;
  }
  return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal())));
}

/** Quiet weekends (Monday = 0), a busier Friday. */
const WEEKDAY = [1, 1, 1.02, 1, 1.1, 0.55, 0.5];
/** The share of a day's messages by each quarter hour (fewer at night, UTC). */
const DIURNAL = Array.from({ length: CHECKS_PER_DAY }, (_, q) => 0.4 + Math.sin((Math.PI * q) / CHECKS_PER_DAY) ** 2);

interface Series {
  activity: number[][];
  label: number[][];
  episodes: { start: number; days: number }[];
}

/** One label's days, quarter hour by quarter hour; with `episodes`, its share ×3 for 1–3 days at random. */
function series(share: number, baseActivity: number, withEpisodes: boolean, wander: number): Series {
  const total = SPIKE_RULE.historyDays + DAYS;
  const episodes: Series["episodes"] = [];
  if (withEpisodes) for (let day = SPIKE_RULE.historyDays + 10; day < total - 3; day += 25 + Math.floor(random() * 10)) episodes.push({ start: day, days: 1 + Math.floor(random() * 3) });
  const activity: number[][] = [];
  const label: number[][] = [];
  for (let day = 0; day < total; day++) {
    const dayActivity = negBin(baseActivity * WEEKDAY[day % 7]!, 30);
    // The share wanders day to day (overdispersion beyond the binomial).
    const lift = episodes.some((e) => day >= e.start && day < e.start + e.days) ? 3 : 1;
    const dayShare = Math.min(0.9, share * lift * (gamma(wander) / wander));
    const perQuarter: number[] = new Array<number>(CHECKS_PER_DAY).fill(0);
    let left = dayActivity;
    for (let q = 0; q < CHECKS_PER_DAY; q++) {
      const n = q === CHECKS_PER_DAY - 1 ? left : Math.min(left, binomial(left, DIURNAL[q]! / DIURNAL.slice(q).reduce((a, b) => a + b, 0)));
      perQuarter[q] = n;
      left -= n;
    }
    activity.push(perQuarter);
    label.push(perQuarter.map((n) => binomial(n, dayShare)));
  }
  return { activity, label, episodes };
}

const sum = (xs: number[], to = xs.length) => xs.slice(0, to).reduce((a, b) => a + b, 0);

/** The days on which a check fired (the rule on today so far, against the 28 full days before). */
function alertedDays(s: Series): { day: number; check: number }[] {
  const fired: { day: number; check: number }[] = [];
  const dayTotals = s.activity.map((q) => sum(q));
  const labelTotals = s.label.map((q) => sum(q));
  for (let day = SPIKE_RULE.historyDays; day < s.activity.length; day++) {
    const history: DailyIndex = {
      activity: (from, to) => sumDays(dayTotals, from, to),
      label: (_id, from, to) => sumDays(labelTotals, from, to),
      knows: () => true,
    };
    // The day's checks share one history, so its baseline is learnt once.
    const baselines = baselinesOf(history);
    for (let check = 1; check <= CHECKS_PER_DAY; check++) {
      const a = sum(s.activity[day]!, check);
      const l = sum(s.label[day]!, check);
      const model: PeriodCounts = {
        labels: [{ id: "x" }],
        buckets: [new Date(day * DAY_MS).toISOString()],
        granularity: "day",
        window: { fromMs: day * DAY_MS, toMs: (day + 1) * DAY_MS },
        cell: () => ({ count: l }),
        activity: () => ({ count: a }),
      };
      if (findSpikes(model, history, baselines).size > 0) {
        fired.push({ day, check });
        break;
      }
    }
  }
  return fired;
}
const sumDays = (totals: number[], fromMs: number, toMs: number) => {
  let total = 0;
  for (let d = Math.max(0, Math.round(fromMs / DAY_MS)); d < Math.round(toMs / DAY_MS); d++) total += totals[d] ?? 0;
  return total;
};

const out = (s = "") => process.stdout.write(`${s}\n`);
const SHARES = [0.004, 0.01, 0.03, 0.08];
const ACTIVITY = [800, 3000];
const started = Date.now();
const rows: string[] = [];
/** `wander`: the gamma shape of the day-to-day share multiplier (25: ±20 %; 8: ±35 %). */
for (const wander of [25, 8]) {
  let falseAlerts = 0;
  let recalled = 0;
  let injected = 0;
  let visible = 0;
  let visibleRecalled = 0;
  const delays: number[] = [];
  for (let i = 0; i < LABELS; i++) {
    const share = SHARES[i % SHARES.length]!;
    const base = ACTIVITY[i % ACTIVITY.length]!;
    falseAlerts += alertedDays(series(share, base, false, wander)).length;
    const withEpisodes = series(share, base, true, wander);
    const fired = alertedDays(withEpisodes);
    for (const e of withEpisodes.episodes) {
      injected += 1;
      const hit = fired.find((f) => f.day >= e.start && f.day < e.start + e.days);
      // Big enough to see: at least 20 of the label's messages expected on the episode's first day.
      const big = share * 3 * base * WEEKDAY[e.start % 7]! >= 20;
      if (big) visible += 1;
      if (big && hit) visibleRecalled += 1;
      if (hit) {
        recalled += 1;
        delays.push((hit.day - e.start) * 24 + hit.check / 4);
      }
    }
  }
  delays.sort((x, y) => x - y);
  const perLabel = falseAlerts / LABELS;
  const spread = `±${Math.round(100 / Math.sqrt(wander))} %`;
  rows.push(`| false alerts per label per 90 days, share wandering ${spread} | ${perLabel.toFixed(2)} | ≤ ${FLOOR_FALSE_PER_90_DAYS} ${perLabel <= FLOOR_FALSE_PER_90_DAYS ? "✓" : "✗"} |`);
  rows.push(`| injected episodes (share ×3 for 1–3 days) alerted, share wandering ${spread} | ${recalled} of ${injected} (${((100 * recalled) / Math.max(1, injected)).toFixed(0)} %) | all ${recalled === injected ? "✓" : "✗"} |`);
  rows.push(`| … of those with ≥ 20 of the label's messages expected on their first day, share wandering ${spread} | ${visibleRecalled} of ${visible} (${((100 * visibleRecalled) / Math.max(1, visible)).toFixed(0)} %) | all ${visibleRecalled === visible ? "✓" : "✗"} |`);
  rows.push(`| hours from an episode's start to its alert, median / p90, share wandering ${spread} | ${(delays[Math.floor(delays.length / 2)] ?? Number.NaN).toFixed(1)} / ${(delays[Math.floor(delays.length * 0.9)] ?? Number.NaN).toFixed(1)} | — |`);
}
out(`### Alert rule, run ${new Date().toISOString()} (seed ${SEED}, ${LABELS} labels × ${DAYS} days each scenario, a check every 15 min, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
out();
out("Quiet weekends (×0.5), negative-binomial activity (k = 30), 800 or 3,000 VIP messages a day, label shares 0.4–8 %.");
out();
out("| measure | value | floor |");
out("|---|---|---|");
for (const row of rows) out(row);
