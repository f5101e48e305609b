/**
 * Is every episode the demo injects alerted within one check of crossing? The demo's VIP
 * messages (the simulator's dataset for Aurora · Messenger, as of the end of today, UTC) are
 * replayed check by check, every 15 minutes, through the alert code itself (checkAlert of
 * server/notify/alerts.ts on a PGlite database, episodes and occurrences included), with an
 * upstream that answers the label overview from the messages sent before each check's instant,
 * by the simulator's own handler. Beside it, the same rule minute by minute says when each
 * episode crossed: an alert at the first check at or after that minute is "within one check".
 * The API counts by day at the finest, so a check sees the day so far, not the moments between
 * checks: a crossing that falls back below the bar before the next check (a few quiet messages
 * lower the share) is invisible to it, and both measures are shown.
 *
 *   node --import tsx bench/alert-replay.ts [--days 91]
 */
import { DAY_MS } from "#contract/assumptions";
import { resolveWindow, startOfUtcDay, startOfUtcWeek, utcDay, type ResolvedWindow } from "#contract/dates";
import type { LabelOverviewQuery } from "#contract/query";
import type { LabelOverview } from "#contract/responses";
import { UPSTREAM_ROUTES } from "#contract/routes";
import { baselinesOf, findSpikes, SPIKE_RULE, type DailyIndex, type PeriodCounts } from "#contract/unusual-periods";
import { openDatabase } from "../server/db/open-database";
import { checkAlert } from "../server/notify/alerts";
import { createOutbox } from "../server/notify/outbox";
import { createSecretBox } from "../server/notify/secret-box";
import { createSubscriptionsStore } from "../server/notify/subscriptions-store";
import { DEMO_HISTORY_DAYS } from "../server/simulator/data/catalog";
import { createDataset, type Dataset } from "../server/simulator/data/dataset";
import type { SimMessage } from "../server/simulator/data/generate-messages";
import { DEMO_LABELS, SPIKE_HEIGHT } from "../server/simulator/data/labels";
import type { MessageLog } from "../server/simulator/data/message-log";
import { listChannels, listWorkspaces } from "../server/simulator/handlers/catalog";
import type { SimContext } from "../server/simulator/handlers/context";
import { firstAtOrAfter } from "../server/simulator/handlers/message-scan";
import { labelOverview } from "../server/simulator/handlers/overview";
import type { LocalStorage } from "../server/simulator/storage";
import type { UpstreamClient } from "../server/upstream/client";
import { ClockSkew } from "../server/upstream/clock-skew";

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]]));
const CHECK_MS = 15 * 60_000;
const MINUTE_MS = 60_000;
const WORKSPACE = "ws_aurora";
const CHANNEL = "ch_aurora_messenger";
/** The first day with four whole weeks of demo history before it. */
const MAX_DAYS = DEMO_HISTORY_DAYS - SPIKE_RULE.historyDays - 1;
const DAYS = Math.min(MAX_DAYS, Number(args.get("--days") ?? MAX_DAYS));

const started = Date.now();
const today = startOfUtcDay(Date.now());
const dataset = createDataset("dynamo-demo", today + DAY_MS - 1);
const log = dataset.channelData(WORKSPACE, CHANNEL).messages;
const all = [...log.ascending(log.span.fromMs, log.span.toMs)];
const labelIds = dataset.labels.map((l) => l.id);
const nameOf = new Map(dataset.labels.map((l) => [l.id, l.name]));

/** A message log over messages already in hand (no tallies: the overview counts them one by one). */
function arrayLog(messages: SimMessage[]): MessageLog {
  const span = { fromMs: messages[0]?.timestamp ?? 0, toMs: (messages.at(-1)?.timestamp ?? -1) + 1 };
  return {
    size: messages.length,
    span,
    fullSpan: span,
    tally: () => undefined,
    *ascending(fromMs, toMs) {
      const end = firstAtOrAfter(messages, toMs);
      for (let i = firstAtOrAfter(messages, fromMs); i < end; i++) yield messages[i]!;
    },
    *descending(fromMs, toMs) {
      const lo = firstAtOrAfter(messages, fromMs);
      for (let i = firstAtOrAfter(messages, toMs) - 1; i >= lo; i--) yield messages[i]!;
    },
  };
}

/** The dataset as it stood at `atMs`, holding the messages from `fromMs` on (the handler scans only its window). */
function datasetAt(fromMs: number, atMs: number): Dataset {
  const data = dataset.channelData(WORKSPACE, CHANNEL);
  const seen = { ...data, messages: arrayLog(all.slice(firstAtOrAfter(all, fromMs), firstAtOrAfter(all, atMs))) };
  return { ...dataset, channelData: (ws, ch) => (ws === WORKSPACE && ch === CHANNEL ? seen : dataset.channelData(ws, ch)) };
}

const ask = (fromMs: number, atMs: number, query: LabelOverviewQuery) =>
  labelOverview({ dataset: datasetAt(fromMs, atMs), storage: undefined as unknown as LocalStorage, now: atMs, origin: "" } satisfies SimContext, query).body as LabelOverview;

/**
 * Answers the label overview as the simulator would at `clock()`, by its own handler (and the
 * catalog, for the alert's words); the alert code asks for nothing else. A day-by-day overview is the days' overviews side by side (each
 * day's tallies are its own), so whole days already past are answered once and kept: the replay
 * then costs what today's part costs, not four weeks of messages at every check.
 */
function replayUpstream(clock: () => number): UpstreamClient & { calls: number } {
  const route = UPSTREAM_ROUTES.labelOverview;
  const pastDays = new Map<number, LabelOverview>();
  const upstream = {
    calls: 0,
    skew: new ClockSkew(clock),
    async get(path: string, query: URLSearchParams) {
      // The catalog, for the alert's words ("Aurora Games / Aurora · Messenger").
      const catalog = path === UPSTREAM_ROUTES.workspaces.path ? listWorkspaces : path === UPSTREAM_ROUTES.channels.path ? listChannels : undefined;
      if (catalog) {
        const body = catalog({ dataset, storage: undefined as unknown as LocalStorage, now: clock(), origin: "" }).body;
        return { kind: "response" as const, status: 200, headers: {}, json: body, raw: Buffer.from(JSON.stringify(body)), attempts: 1 };
      }
      if (path !== route.path) throw new Error(`The replay answers the label overview and the catalog, not ${path}`);
      upstream.calls += 1;
      const parsed = route.query.parse(Object.fromEntries(query));
      const now = clock();
      const { fromMs, toMs } = resolveWindow(parsed.from, parsed.to) as ResolvedWindow;
      let body: LabelOverview;
      if (parsed.granularity === "week") body = ask(startOfUtcWeek(fromMs), now, parsed);
      else {
        const days: LabelOverview[] = [];
        for (let dayMs = fromMs; dayMs < toMs; dayMs += DAY_MS) {
          const dayQuery = route.query.parse({ ...Object.fromEntries(query), from: utcDay(dayMs), to: utcDay(dayMs) });
          if (dayMs + DAY_MS > now) days.push(ask(dayMs, now, dayQuery));
          else {
            let past = pastDays.get(dayMs);
            if (!past) pastDays.set(dayMs, (past = ask(dayMs, dayMs + DAY_MS, dayQuery)));
            days.push(past);
          }
        }
        body = { ...days[0]!, to: days.at(-1)!.to, buckets: days.flatMap((d) => d.buckets), rows: days.flatMap((d) => d.rows), activity: days.flatMap((d) => d.activity) };
      }
      const raw = Buffer.from(JSON.stringify(body));
      return { kind: "response" as const, status: 200, headers: {}, json: body, raw, attempts: 1 };
    },
  };
  return upstream;
}

// ---- Minute by minute: when each label's day first reads unusual (the crossing) ----

const dayIndex = (ms: number) => Math.floor((ms - today) / DAY_MS);
const firstDay = -DAYS;
/** Whole-day counts, for the four weeks before each judged day. */
const dayActivity = new Map<number, number>();
const dayLabel = new Map<string, Map<number, number>>(labelIds.map((id) => [id, new Map()]));
for (const m of all) {
  const d = dayIndex(m.timestamp);
  dayActivity.set(d, (dayActivity.get(d) ?? 0) + 1);
  for (const id of [...m.labels, ...m.customLabelIds]) dayLabel.get(id)!.set(d, (dayLabel.get(id)!.get(d) ?? 0) + 1);
}
const sumDays = (days: Map<number, number> | undefined, fromMs: number, toMs: number) => {
  let total = 0;
  for (let d = dayIndex(fromMs); d < dayIndex(toMs); d++) total += days?.get(d) ?? 0;
  return total;
};

/** For each day and label (`label|day`), the minutes at which the day so far reads unusual against the 28 days before (messages before that minute). */
function crossings(): Map<string, Set<number>> {
  const first = new Map<string, Set<number>>();
  for (let d = firstDay; d <= 0; d++) {
    const dayMs = today + d * DAY_MS;
    const dayMessages = all.slice(firstAtOrAfter(all, dayMs), firstAtOrAfter(all, dayMs + DAY_MS));
    let at = 0;
    let activity = 0;
    const counts = new Map<string, number>();
    // The same shape as the alert's: whole days before, the day so far.
    const history: DailyIndex = {
      activity: (fromMs, toMs) => sumDays(dayActivity, fromMs, Math.min(toMs, dayMs)) + (toMs > dayMs ? activity : 0),
      label: (id, fromMs, toMs) => sumDays(dayLabel.get(id), fromMs, Math.min(toMs, dayMs)) + (toMs > dayMs ? (counts.get(id) ?? 0) : 0),
      knows: () => true,
    };
    const baselines = baselinesOf(history);
    const model: PeriodCounts = {
      labels: labelIds.map((id) => ({ id })),
      buckets: [new Date(dayMs).toISOString()],
      granularity: "day",
      window: { fromMs: dayMs - SPIKE_RULE.historyDays * DAY_MS, toMs: dayMs + DAY_MS },
      cell: (id) => ({ count: counts.get(id) ?? 0 }),
      activity: () => ({ count: activity }),
    };
    for (let minute = dayMs + MINUTE_MS; minute <= dayMs + DAY_MS; minute += MINUTE_MS) {
      for (; at < dayMessages.length && (dayMessages[at] as SimMessage).timestamp < minute; at++) {
        const m = dayMessages[at] as SimMessage;
        activity += 1;
        for (const id of [...m.labels, ...m.customLabelIds]) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const spike of findSpikes(model, history, baselines).values()) {
        const key = `${spike.label}|${d}`;
        let minutes = first.get(key);
        if (!minutes) first.set(key, (minutes = new Set()));
        minutes.add(minute);
      }
    }
  }
  return first;
}

// ---- Check by check: what the alert code sends ----

async function replayAlerts(): Promise<{ fired: { label: string; granularity: string; atMs: number; period: string }[]; checks: number; calls: number }> {
  const database = await openDatabase({ kind: "pglite", dataDir: undefined });
  let clock = today + firstDay * DAY_MS;
  const upstream = replayUpstream(() => clock);
  const box = createSecretBox(Buffer.alloc(32, 3));
  const store = createSubscriptionsStore(database.db, box, Buffer.alloc(32, 4));
  const outbox = createOutbox(database.db);
  const owner = { subject: "bench", email: null, name: "Bench", groups: [] };
  // Created just before the first judged day: every day of the replay is the subscription's to judge.
  const { row } = await store.create(
    { kind: "alert", workspaceId: WORKSPACE, mediumId: CHANNEL, labels: "all", destination: { type: "slack", url: "https://hooks.slack.com/services/T000/B000/bench" } },
    { workspaceId: WORKSPACE, channelId: CHANNEL },
    owner,
    "bench",
    clock - 1,
  );
  const sub = (await store.find(row.id))!;
  const fired: { label: string; granularity: string; atMs: number; period: string }[] = [];
  let checks = 0;
  for (clock = today + firstDay * DAY_MS + CHECK_MS; clock <= today + DAY_MS; clock += CHECK_MS) {
    const result = await checkAlert({ db: database.db, upstream, outbox, box, baseUrl: new URL("http://127.0.0.1:8080") }, sub, clock);
    checks += 1;
    if ("error" in result) throw new Error(result.error);
    for (const f of result.fired) {
      const [label, granularity, period] = f.split(":") as [string, string, string];
      fired.push({ label, granularity, atMs: clock, period });
    }
  }
  // Exactly one delivery per fired alert: nothing queued twice.
  const queued = await database.db.selectFrom("notify_deliveries").select("occurrence").execute();
  if (queued.length !== fired.length) throw new Error(`${fired.length} alerts fired, ${queued.length} queued`);
  await database.close();
  return { fired, checks, calls: upstream.calls };
}

const crossed = crossings();
const replay = await replayAlerts();
const dayAlerts = replay.fired.filter((f) => f.granularity === "day");
const nextCheck = (ms: number) => Math.ceil(ms / CHECK_MS) * CHECK_MS;
/** Unusual at `minute` and at every minute from there to the next check: a crossing the next check sees. */
const lasts = (minutes: Set<number>, minute: number) => {
  for (let m = minute; m <= nextCheck(minute); m += MINUTE_MS) if (!minutes.has(m)) return false;
  return true;
};

/** The demo's injected episodes in the replayed days: bumps of at least SPIKE_HEIGHT. */
const episodes = DEMO_LABELS.flatMap((l) => l.bumps.filter((b) => b.height >= SPIKE_HEIGHT && b.daysAgo <= DAYS).map((b) => ({ label: l.id, ...b })));
const out = (s = "") => process.stdout.write(`${s}\n`);
const clockTime = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
const rows: string[] = [];
let withinOne = 0;
let withinOneOfFirst = 0;
let alertedOnce = 0;
for (const e of episodes) {
  // The episode's days: its peak ±1 (the contract test's measure), widened to the run of
  // unusual days around it, so a wave that crossed a day early counts from that day.
  let from = -e.daysAgo - 1;
  let to = -e.daysAgo + 1;
  while (crossed.has(`${e.label}|${from - 1}`)) from -= 1;
  while (crossed.has(`${e.label}|${to + 1}`)) to += 1;
  const minutes = Array.from({ length: to - from + 1 }, (_, i) => crossed.get(`${e.label}|${from + i}`) ?? new Set<number>());
  const first = Math.min(...minutes.map((m) => Math.min(...m)));
  const lasting = Math.min(...minutes.map((m) => Math.min(...[...m].filter((minute) => lasts(m, minute)))));
  const alerts = dayAlerts.filter((f) => f.label === e.label && f.atMs > today + from * DAY_MS && f.atMs <= today + (to + 2) * DAY_MS);
  const alert = alerts[0];
  const ok = alert !== undefined && Number.isFinite(lasting) && alert.atMs <= nextCheck(lasting);
  if (ok) withinOne += 1;
  if (alert !== undefined && Number.isFinite(first) && alert.atMs <= nextCheck(first)) withinOneOfFirst += 1;
  if (alerts.length === 1) alertedOnce += 1;
  const after = (ms: number) => (alert && Number.isFinite(ms) ? String(Math.round((alert.atMs - ms) / MINUTE_MS)) : "—");
  rows.push(
    `| ${nameOf.get(e.label)} | ${utcDay(today - e.daysAgo * DAY_MS)} (${e.daysAgo} days ago, ×${(1 + e.height).toFixed(1)}) | ${Number.isFinite(first) ? clockTime(first) : "never"} | ${Number.isFinite(lasting) ? clockTime(lasting) : "never"} | ${alert ? `${clockTime(alert.atMs)} (${alert.period})` : "none"} | ${after(first)} / ${after(lasting)} | ${alerts.length}${alerts.length > 1 ? ` (${alerts.map((a) => `${a.period.slice(5)} at ${clockTime(a.atMs).slice(5)}`).join("; ")})` : ""} | ${ok ? "✓" : "✗"} |`,
  );
}
// Alerts far from any injected bump of the label or of a label it comes along with.
const near = (label: string, ago: number) => DEMO_LABELS.some((l) => (l.id === label || l.companions.includes(label)) && l.bumps.some((b) => Math.abs(ago - b.daysAgo) <= 3 * b.width + 1));
const strays = dayAlerts.filter((f) => !near(f.label, Math.round((today - Date.parse(`${f.period}T00:00:00Z`)) / DAY_MS)));

out(`### Alert replay of the demo, run ${new Date().toISOString()} (Aurora · Messenger, ${DAYS} days to today ${utcDay(today)}, ${replay.checks.toLocaleString("en-US")} checks every 15 min, ${replay.calls.toLocaleString("en-US")} overview calls, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
out();
out("| label | injected peak | first minute unusual (UTC) | first minute it stays unusual to the next check | first alert, check time (period) | minutes after each | day alerts in the episode | within one check |");
out("|---|---|---|---|---|---|---|---|");
for (const row of rows) out(row);
out();
out("| measure | value | floor |");
out("|---|---|---|");
out(`| injected episodes (bumps ≥ ×${1 + SPIKE_HEIGHT}) alerted at the first check after they cross and stay across | ${withinOne} of ${episodes.length} | all ${withinOne === episodes.length ? "✓" : "✗"} |`);
out(`| … at the first check after their very first unusual minute (a crossing that falls back before the check is not seen by it) | ${withinOneOfFirst} of ${episodes.length} | — |`);
out(`| … alerted once (one day alert per episode, however many days it runs) | ${alertedOnce} of ${episodes.length} | all ${alertedOnce === episodes.length ? "✓" : "✗"} |`);
out(`| day alerts in ${DAYS} days, all labels | ${dayAlerts.length} | — |`);
out(`| … far from any injected bump of the label or a label it comes with | ${strays.length}${strays.length > 0 ? ` (${strays.map((s) => `${nameOf.get(s.label)} ${s.period}`).join(", ")})` : ""} | — |`);
out(`| week alerts in ${DAYS} days, all labels | ${replay.fired.length - dayAlerts.length} | — |`);
