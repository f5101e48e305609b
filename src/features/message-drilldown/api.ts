import type { MessageKind } from "#contract/responses";
import type { DrillBar } from "../../lib/drill-bar";
import type { DrillParams } from "../../lib/messages-api";

export { drillMessagesQuery, exportDrillMessages, warmDrillMessages, type DrillParams } from "../../lib/messages-api";

/** The messages behind a bar: its label over exactly the instants it counts. */
export const drillParamsFor = (workspaceId: string, channelId: string, bar: DrillBar, kind: MessageKind | undefined): DrillParams => ({
  workspaceId,
  channelId,
  label: bar.labelId,
  from: new Date(bar.range.fromMs).toISOString(),
  to: new Date(bar.range.toMs).toISOString(),
  kind,
});

