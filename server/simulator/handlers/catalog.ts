import { reply, type SimContext, type SimReply } from "./context";

export const listWorkspaces = (ctx: SimContext): SimReply => reply(200, { items: ctx.dataset.workspaces });
export const listChannels = (ctx: SimContext): SimReply => reply(200, { items: ctx.dataset.channels });
