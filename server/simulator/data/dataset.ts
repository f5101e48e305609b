import { utcDay } from "#contract/dates";
import type { Channel, Workspace } from "#contract/responses";
import { DEMO_CHANNELS, DEMO_HISTORY_DAYS, DEMO_OLDER_DAYS, DEMO_VOLUMES, DEMO_WORKSPACES } from "./catalog";
import { planDays } from "./generate-messages";
import { createUserBook, type UserBook } from "./generate-users";
import { DEMO_LABELS } from "./labels";
import { createMessageLog, type MessageLog } from "./message-log";
import { createRng } from "./prng";

export interface ChannelData {
  /** The VIP list, highest LTV first, made player by player on demand. */
  users: UserBook;
  /** The messages, a day at a time. */
  messages: MessageLog;
  /** Filtered user positions, built on first use per filter. */
  userFilterCache: Map<string, Int32Array>;
}

export interface Dataset {
  workspaces: readonly Workspace[];
  channels: readonly Channel[];
  labels: readonly { id: string; name: string; custom: boolean }[];
  /** How many times the demo studio this is (1: the demo). */
  scale: number;
  /** Data of a VIP workspace/channel pair, generated on first use. */
  channelData(workspaceId: string, mediumId: string): ChannelData;
  /** Generates every pair's data now. */
  warm(): void;
}

/**
 * A studio `scale` times the demo's: `scale` times the VIP players, and the messages a day
 * grow as scale^0.7 (a big studio's VIPs are no chattier: most of them write rarely). At 50,
 * Aurora · Messenger has 260,000 VIP players and about 20,000 messages a day.
 */
export const messageScale = (scale: number) => scale ** 0.7;

/**
 * Full messages kept in memory per channel, as whole days: about a month of the demo (a day is
 * drawn again in some 15 ms), or a few days of a big studio. The simulator shares the
 * dashboard's process in local mode, so it must not hold the whole history.
 */
const CACHED_MESSAGES = 50_000;

/** Deterministic for a seed and a UTC day: the demo always ends today, so it always looks recent. */
export function createDataset(seed: string, now: number, scale = 1): Dataset {
  const cache = new Map<string, ChannelData>();
  const day = utcDay(now);
  return {
    workspaces: DEMO_WORKSPACES,
    channels: DEMO_CHANNELS,
    labels: DEMO_LABELS.map(({ id, name, custom }) => ({ id, name, custom })),
    scale,
    channelData(workspaceId, mediumId) {
      const key = `${workspaceId}/${mediumId}`;
      let data = cache.get(key);
      if (data) return data;
      const volume = DEMO_VOLUMES[key];
      // Players stay the same from day to day; their messages are laid out relative to today.
      const users = createUserBook(`${seed}/${key}/users`, Math.round((volume?.users ?? 0) * scale), now, volume?.everyMonth);
      const total = Math.round((volume?.messages ?? 0) * messageScale(scale));
      const plans = volume ? planDays(createRng(`${seed}/${day}/${key}/volume`), { total, days: DEMO_HISTORY_DAYS, now }) : [];
      // The same volume a day, further back, for the long trends.
      const olderTotal = Math.round((total * DEMO_OLDER_DAYS) / DEMO_HISTORY_DAYS);
      const olderPlans = volume ? planDays(createRng(`${seed}/${day}/${key}/older-volume`), { total: olderTotal, days: DEMO_OLDER_DAYS, now, endDaysAgo: DEMO_HISTORY_DAYS }) : [];
      const messages = createMessageLog({ seed: `${seed}/${day}/${key}/messages`, plans, olderPlans, users, now, sources: volume?.sources ?? [], cacheMessages: CACHED_MESSAGES });
      data = { users, messages, userFilterCache: new Map() };
      cache.set(key, data);
      return data;
    },
    warm() {
      for (const key of Object.keys(DEMO_VOLUMES)) {
        const [workspaceId, mediumId] = key.split("/") as [string, string];
        this.channelData(workspaceId, mediumId);
      }
    },
  };
}
