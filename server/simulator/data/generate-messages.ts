import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay } from "#contract/dates";
import type { MessageKind, VipUser } from "#contract/responses";
import { DEMO_LABELS, DEMO_LABELS_BY_ID, labelShape } from "./labels";
import type { Rng } from "./prng";
import { ATTACHMENT_TEXTS, FILLERS, OTHER_TEXTS, POSTBACK_TEXTS, TEXTS_BY_LABEL, UNLABELED_TEXTS } from "./texts";

export interface SimMessage {
  timestamp: number;
  conversationId: string;
  userName: string | null | undefined;
  kind: MessageKind;
  source: string;
  labels: string[];
  customLabelIds: string[];
  text: string;
}

const KINDS: readonly (readonly [MessageKind, number])[] = [
  ["text", 82],
  ["postback", 9],
  ["attachment", 6],
  ["other", 3],
];
/** Evening-heavy rhythm over UTC hours. */
const HOUR_WEIGHTS = [3, 2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 8, 9, 10, 10, 9, 7, 5, 4].map(
  (w, hour) => [hour, w] as const,
);
const WEEKDAY_VOLUME = [1, 0.95, 0.95, 1, 1.1, 1.3, 1.25];
const ATTACHMENT_LABELS = new Set(["bug_report", "cl_refund", "account_issue", "cl_giftcode"]);

function fill(rng: Rng, template: string): string {
  if (!template.includes("{")) return template;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => rng.pick(FILLERS[key] ?? [key]));
}

function labelWeightsFor(daysAgo: number, weekday: number) {
  return DEMO_LABELS.map((l) => [l.id, l.weight * labelShape(l, daysAgo, weekday)] as const);
}

function pickLabels(rng: Rng, weights: readonly (readonly [string, number])[], kind: MessageKind) {
  const pLabeled = kind === "text" ? 0.42 : kind === "attachment" ? 0.35 : 0.02;
  if (!rng.chance(pLabeled)) return null;
  let primary = rng.weighted(weights);
  if (kind === "attachment" && !ATTACHMENT_LABELS.has(primary)) primary = "bug_report";
  const ids = new Set([primary]);
  for (const companion of DEMO_LABELS_BY_ID.get(primary)?.companions ?? []) {
    if (rng.chance(0.3)) ids.add(companion);
  }
  return { primary, ids: [...ids] };
}

function textFor(rng: Rng, kind: MessageKind, primary: string | undefined): string {
  if (kind === "postback") return rng.pick(POSTBACK_TEXTS);
  if (kind === "attachment") {
    const caption = primary ? `\n${fill(rng, rng.pick(TEXTS_BY_LABEL[primary] ?? []))}` : "";
    return fill(rng, rng.pick(ATTACHMENT_TEXTS)) + caption;
  }
  if (kind === "other") return rng.pick(OTHER_TEXTS);
  return fill(rng, rng.pick(primary ? (TEXTS_BY_LABEL[primary] ?? UNLABELED_TEXTS) : UNLABELED_TEXTS));
}

/**
 * `total` messages over the last `days` days, sorted oldest first (ties keep generation order).
 * Messenger-like sources have second resolution, and some postbacks arrive in the same
 * millisecond as the message before them, so equal timestamps are common: the cursor must
 * cope with ties.
 */
export function generateMessages(
  rng: Rng,
  users: readonly VipUser[],
  opts: { total: number; days: number; now: number; sources: readonly (readonly [string, number])[] },
): SimMessage[] {
  const todayStart = startOfUtcDay(opts.now);
  const dayWeights: number[] = [];
  for (let daysAgo = opts.days - 1; daysAgo >= 0; daysAgo--) {
    const weekday = (new Date(todayStart - daysAgo * DAY_MS).getUTCDay() + 6) % 7;
    dayWeights.push((WEEKDAY_VOLUME[weekday] as number) * (1 + 0.12 * Math.sin(daysAgo / 6)) * (0.85 + rng.next() * 0.3));
  }
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);
  const messages: SimMessage[] = [];
  dayWeights.forEach((weight, i) => {
    const daysAgo = opts.days - 1 - i;
    const dayStart = todayStart - daysAgo * DAY_MS;
    const weekday = (new Date(dayStart).getUTCDay() + 6) % 7;
    const labelWeights = labelWeightsFor(daysAgo, weekday);
    const count = Math.round((opts.total * weight) / weightSum);
    for (let k = 0; k < count; k++) {
      const source = rng.weighted(opts.sources);
      let timestamp = dayStart + rng.weighted(HOUR_WEIGHTS) * 3_600_000 + Math.floor(rng.next() * 3_600_000);
      if (source === "messenger") timestamp -= timestamp % 1000;
      if (timestamp > opts.now) continue;
      // Active players skew towards the high-LTV end of the list.
      const user = users[Math.floor(users.length * rng.next() ** 2)] as VipUser;
      const kind = rng.weighted(KINDS);
      const picked = pickLabels(rng, labelWeights, kind);
      const ids = picked?.ids ?? [];
      const message: SimMessage = {
        timestamp,
        conversationId: user.conversationId,
        userName: user.userName,
        kind,
        source,
        labels: ids.filter((id) => !DEMO_LABELS_BY_ID.get(id)?.custom),
        customLabelIds: ids.filter((id) => DEMO_LABELS_BY_ID.get(id)?.custom),
        text: textFor(rng, kind, picked?.primary),
      };
      messages.push(message);
      if (rng.chance(0.01)) {
        messages.push({ ...message, kind: "postback", labels: [], customLabelIds: [], text: "Talk to support" });
      }
    }
  });
  // Stable sort: equal timestamps keep their generation order, which fixes their list order.
  messages.sort((a, b) => a.timestamp - b.timestamp);
  return messages;
}
