import { utcDay } from "#contract/dates";
import type { Channel, VipUser, Workspace } from "#contract/responses";
import { DEMO_CHANNELS, DEMO_HISTORY_DAYS, DEMO_VOLUMES, DEMO_WORKSPACES } from "./catalog";
import { generateMessages, type SimMessage } from "./generate-messages";
import { generateUsers } from "./generate-users";
import { DEMO_LABELS } from "./labels";
import { createRng } from "./prng";

export interface ChannelData {
  /** Highest LTV first. */
  users: VipUser[];
  /** Birthday month per user (0 = unknown). */
  birthMonths: Uint8Array;
  /** Oldest first; equal timestamps in a fixed order. */
  messages: SimMessage[];
  /** Filtered user positions, built on first use per filter. */
  userFilterCache: Map<string, Int32Array>;
}

export interface Dataset {
  workspaces: readonly Workspace[];
  channels: readonly Channel[];
  labels: readonly { id: string; name: string; custom: boolean }[];
  /** Data of a VIP workspace/channel pair, generated on first use. */
  channelData(workspaceId: string, mediumId: string): ChannelData;
  /** Generates every pair's data now. */
  warm(): void;
}

/** Deterministic for a seed and a UTC day: the demo always ends today, so it always looks recent. */
export function createDataset(seed: string, now: number): Dataset {
  const cache = new Map<string, ChannelData>();
  const day = utcDay(now);
  return {
    workspaces: DEMO_WORKSPACES,
    channels: DEMO_CHANNELS,
    labels: DEMO_LABELS.map(({ id, name, custom }) => ({ id, name, custom })),
    channelData(workspaceId, mediumId) {
      const key = `${workspaceId}/${mediumId}`;
      let data = cache.get(key);
      if (data) return data;
      const volume = DEMO_VOLUMES[key];
      // Players stay the same from day to day; their messages are laid out relative to today.
      const { users, birthMonths } = generateUsers(createRng(`${seed}/${key}/users`), volume?.users ?? 0, now, volume?.everyMonth);
      const messages = volume
        ? generateMessages(createRng(`${seed}/${day}/${key}/messages`), users, {
            total: volume.messages,
            days: DEMO_HISTORY_DAYS,
            now,
            sources: volume.sources,
          })
        : [];
      stampLastMessage(users, messages);
      data = { users, birthMonths, messages, userFilterCache: new Map() };
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

/** lastUserMessageTimestamp agrees with the messages; players who never wrote read "never". */
function stampLastMessage(users: VipUser[], messages: readonly SimMessage[]) {
  const last = new Map<string, number>();
  for (const m of messages) last.set(m.conversationId, m.timestamp);
  users.forEach((u, i) => {
    const ts = last.get(u.conversationId);
    if (ts !== undefined) u.lastUserMessageTimestamp = ts;
    else if (i % 3 === 0) u.lastUserMessageTimestamp = 0;
    else if (i % 3 === 1) u.lastUserMessageTimestamp = null;
  });
}
