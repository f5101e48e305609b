import type { Channel, Workspace } from "#contract/responses";

/**
 * The demo's workspaces and channels. Aurora is the main VIP workspace; Skyforge is VIP with
 * more users than the scan cap (so `scanCapped` shows up); Pixel Harbor is not VIP; the LINE
 * channel is connected to no workspace.
 */
export const DEMO_WORKSPACES: readonly Workspace[] = [
  { id: "ws_aurora", name: "Aurora Games", vip: true },
  { id: "ws_skyforge", name: "Skyforge Studios", vip: true },
  { id: "ws_pixel", name: "Pixel Harbor", vip: false },
];

export const DEMO_CHANNELS: readonly Channel[] = [
  { id: "ch_aurora_messenger", name: "Aurora · Messenger", platform: "messenger", workspaceIds: ["ws_aurora"] },
  { id: "ch_aurora_webchat", name: "Aurora · Web chat", platform: "web", workspaceIds: ["ws_aurora"] },
  { id: "ch_aurora_discord", name: "Aurora · Discord", platform: "discord", workspaceIds: ["ws_aurora"] },
  { id: "ch_skyforge_app", name: "Skyforge · In-app chat", platform: "in_app", workspaceIds: ["ws_skyforge"] },
  { id: "ch_pixel_messenger", name: "Pixel Harbor · Messenger", platform: "messenger", workspaceIds: ["ws_pixel"] },
  { id: "ch_legacy_line", name: "Legacy · LINE", platform: "line", workspaceIds: [] },
];

/** How much data each VIP workspace/channel pair gets. */
export interface ChannelVolume {
  users: number;
  messages: number;
  sources: readonly (readonly [string, number])[];
  /** Guarantee at least one birthday in every month (small channels are left to chance). */
  everyMonth?: boolean;
}

export const DEMO_VOLUMES: Record<string, ChannelVolume> = {
  "ws_aurora/ch_aurora_messenger": {
    users: 5_200,
    messages: 156_000,
    everyMonth: true,
    sources: [
      ["messenger", 82],
      ["ad_reply", 10],
      ["comment_reply", 8],
    ],
  },
  "ws_aurora/ch_aurora_webchat": { users: 700, messages: 14_000, sources: [["web", 100]] },
  // A small community channel: some birthday months have nobody, as in real small channels.
  "ws_aurora/ch_aurora_discord": { users: 30, messages: 900, sources: [["discord", 100]] },
  "ws_skyforge/ch_skyforge_app": {
    users: 14_000,
    messages: 24_000,
    sources: [
      ["in_app", 90],
      ["web", 10],
    ],
  },
};

/** Recent days, drawn at start: the overview's windows, the alerts, the players' last messages. */
export const DEMO_HISTORY_DAYS = 120;

/**
 * Days before those, drawn only when a long trend asks: 24 months and the same months a year
 * earlier need about 25 months, so 26 months back from today are there.
 */
export const DEMO_OLDER_DAYS = 800 - DEMO_HISTORY_DAYS;
