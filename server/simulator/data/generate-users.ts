import type { VipUser } from "#contract/responses";
import { AVATAR_COLORS, NAME_POOLS, TAG_SUFFIXES, TAG_WORDS, avatarDataUrl } from "./names";
import type { Rng } from "./prng";

export interface GeneratedUsers {
  /** Contract-shaped rows, highest LTV first. */
  users: VipUser[];
  /** Birthday month 1..12 per row (0 = unknown), kept apart so it never leaks into a response. */
  birthMonths: Uint8Array;
}

const pad = (n: number) => String(n).padStart(2, "0");
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function randomId(rng: Rng, prefix: string, length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  let id = prefix;
  for (let i = 0; i < length; i++) id += alphabet[Math.floor(rng.next() * alphabet.length)];
  return id;
}

function birthday(rng: Rng, index: number, everyMonth: boolean): { birthday?: string; birthMonth: number } {
  // About 60% have one; with `everyMonth` the first twelve cycle through the months.
  const cycle = everyMonth && index < 12;
  if (!cycle && !rng.chance(0.6)) return { birthMonth: 0 };
  const month = cycle ? index + 1 : rng.int(1, 12);
  const day = rng.int(1, DAYS_IN_MONTH[month - 1] as number);
  const yearKnown = !rng.chance(0.15) && !(month === 2 && day === 29);
  const year = yearKnown ? String(rng.int(1972, 2008)) : "-";
  return { birthday: `${year}-${pad(month)}-${pad(day)}`, birthMonth: month };
}

/** "unknown" is spread over a missing field, null and 0, as API.md says the upstream does. */
function maybeTimestamp(rng: Rng, now: number, withinDays: number, presence: number): number | null | undefined {
  if (rng.chance(presence)) return now - Math.floor(rng.next() * withinDays * 86_400_000);
  return rng.pick([undefined, null, 0] as const);
}

/** Users in descending LTV order (the upstream's order); LTV itself is never returned. */
export function generateUsers(rng: Rng, count: number, now: number, everyMonth = false): GeneratedUsers {
  const users: VipUser[] = [];
  const birthMonths = new Uint8Array(count);
  const pools = NAME_POOLS.map((p) => [p, p.weight] as const);
  for (let i = 0; i < count; i++) {
    const pool = rng.weighted(pools);
    const firstName = rng.pick(pool.first);
    const lastName = rng.pick(pool.last);
    const userName = `${rng.pick(TAG_WORDS)}${rng.pick(TAG_SUFFIXES)}${rng.chance(0.6) ? `_${rng.int(1, 999)}` : ""}`;
    const initials = (Array.from(firstName)[0] ?? "") + (Array.from(lastName)[0] ?? "");
    const born = birthday(rng, i, everyMonth);
    birthMonths[i] = born.birthMonth;
    const user: VipUser = {
      conversationId: randomId(rng, "c_", 16),
      userName,
      firstName,
      lastName,
      cuid: randomId(rng, "cu_", 12),
      ...(born.birthday ? { birthday: born.birthday } : {}),
      lastPurchaseTimestamp: maybeTimestamp(rng, now, 365, 0.75),
      lastAppOpenTimestamp: maybeTimestamp(rng, now, 60, 0.85),
    };
    if (rng.chance(0.8)) user.profilePic = avatarDataUrl(initials, rng.pick(AVATAR_COLORS));
    if (user.lastPurchaseTimestamp === undefined) delete user.lastPurchaseTimestamp;
    if (user.lastAppOpenTimestamp === undefined) delete user.lastAppOpenTimestamp;
    users.push(user);
  }
  return { users, birthMonths };
}
