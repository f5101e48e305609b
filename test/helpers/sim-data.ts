import type { VipUser } from "#contract/responses";
import type { ChannelData } from "../../server/simulator/data/dataset";
import type { SimMessage } from "../../server/simulator/data/generate-messages";

/** Every player of a channel, in LTV order, made whole (tests of a demo-sized studio only). */
export const allUsers = (data: ChannelData): VipUser[] => Array.from({ length: data.users.count }, (_, i) => data.users.at(i));

/** Every message of a channel's history, oldest first (tests of a demo-sized studio only). */
export const allMessages = (data: ChannelData): SimMessage[] => [...data.messages.ascending(data.messages.span.fromMs, data.messages.span.toMs)];
