import type { VipUser } from "#contract/responses";
import { AVATAR_COLORS, NAME_POOLS, TAG_SUFFIXES, TAG_WORDS, avatarDataUrl } from "./names";
import { createRng, type Rng } from "./prng";

const pad = (n: number) => String(n).padStart(2, "0");
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

// Joined, not concatenated: `+=` leaves a chain of string pieces that holds many times the
// bytes of the id, and a big studio keeps hundreds of thousands of these.
function randomId(rng: Rng, prefix: string, length: number): string {
  const chars = [prefix];
  for (let i = 0; i < length; i++) chars.push(ALPHABET[Math.floor(rng.next() * ALPHABET.length)] as string);
  return chars.join("");
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

/**
 * The VIP list of one channel, made on demand: a player is drawn from a stream of their own
 * (seeded by their place in the list), so any player can be made again at any time, the same.
 * What the list filters and pages need for every player (conversation id, user name, birthday
 * month) is kept compactly; a whole player is made only when a page or an export asks for it,
 * so a studio of hundreds of thousands costs a few bytes a player, not a kilobyte.
 */
export interface UserBook {
  /** Players in descending LTV order (the upstream's order); LTV itself is never returned. */
  count: number;
  /** Birthday month 1..12 per player (0 = unknown), kept apart so it never leaks into a response. */
  birthMonths: Uint8Array;
  conversationIds: string[];
  userNames: string[];
  /** The player at `index`, as the API returns them (lastUserMessageTimestamp from `lastMessageAt`). */
  at(index: number): VipUser;
  /** The newest message timestamp per player, once the messages are laid out (0: none). */
  lastMessageAt: Float64Array;
}

/** The start of a player's stream: who they are, in the order every draw of them takes it. */
function drawIdentity(rng: Rng, index: number, everyMonth: boolean) {
  const pool = rng.weighted(POOLS);
  const firstName = rng.pick(pool.first);
  const lastName = rng.pick(pool.last);
  const userName = [rng.pick(TAG_WORDS), rng.pick(TAG_SUFFIXES), rng.chance(0.6) ? `_${rng.int(1, 999)}` : ""].join("");
  const born = birthday(rng, index, everyMonth);
  return { firstName, lastName, userName, born, conversationId: randomId(rng, "c_", 16) };
}

function drawUser(seed: string, index: number, now: number, everyMonth: boolean): VipUser {
  const rng = createRng(`${seed}/${index}`);
  const { firstName, lastName, userName, born, conversationId } = drawIdentity(rng, index, everyMonth);
  const initials = (Array.from(firstName)[0] ?? "") + (Array.from(lastName)[0] ?? "");
  const user: VipUser = {
    conversationId,
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
  return user;
}

const POOLS = NAME_POOLS.map((p) => [p, p.weight] as const);

/**
 * "Never wrote" is said three ways, as API.md says the upstream does: a missing field, null, or 0.
 * A player with messages carries the newest one's time.
 */
function withLastMessage(user: VipUser, index: number, lastMessageAt: number): VipUser {
  if (lastMessageAt > 0) user.lastUserMessageTimestamp = lastMessageAt;
  else if (index % 3 === 0) user.lastUserMessageTimestamp = 0;
  else if (index % 3 === 1) user.lastUserMessageTimestamp = null;
  return user;
}

export function createUserBook(seed: string, count: number, now: number, everyMonth = false): UserBook {
  const birthMonths = new Uint8Array(count);
  const conversationIds: string[] = new Array<string>(count);
  const userNames: string[] = new Array<string>(count);
  // Only who each player is, now; the rest of them (avatar, times) when a page asks.
  for (let i = 0; i < count; i++) {
    const identity = drawIdentity(createRng(`${seed}/${i}`), i, everyMonth);
    birthMonths[i] = identity.born.birthMonth;
    conversationIds[i] = identity.conversationId;
    userNames[i] = identity.userName;
  }
  const lastMessageAt = new Float64Array(count);
  return {
    count,
    birthMonths,
    conversationIds,
    userNames,
    lastMessageAt,
    at: (index) => withLastMessage(drawUser(seed, index, now, everyMonth), index, lastMessageAt[index] ?? 0),
  };
}
