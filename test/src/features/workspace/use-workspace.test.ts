import { describe, expect, it } from "vitest";
import { resolveWorkspace, unknownInLink } from "../../../../src/features/workspace/use-workspace";

describe("view state read from the URL", () => {
  it("resolves the workspace: URL, then last choice, then first VIP", () => {
    const workspaces = [
      { id: "a", name: "A", vip: false },
      { id: "b", name: "B", vip: true },
      { id: "c", name: "C", vip: true },
    ];
    const channels = [
      { id: "b1", name: "B1", platform: "x", workspaceIds: ["b"] },
      { id: "c1", name: "C1", platform: "x", workspaceIds: ["c"] },
      { id: "c2", name: "C2", platform: "x", workspaceIds: ["c"] },
    ];
    expect(resolveWorkspace(new URLSearchParams(), workspaces, channels, {})).toEqual({ workspaceId: "b", channelId: "b1" });
    expect(resolveWorkspace(new URLSearchParams(), workspaces, channels, { workspaceId: "c", channelId: "c2" })).toEqual({
      workspaceId: "c",
      channelId: "c2",
    });
    expect(resolveWorkspace(new URLSearchParams("ws=c"), workspaces, channels, {})).toEqual({ workspaceId: "c", channelId: "c1" });
    expect(resolveWorkspace(new URLSearchParams("ws=zzz"), workspaces, channels, {})).toEqual({ workspaceId: "b", channelId: "b1" });
    // ...but a link naming ids that are not listed is reported, not quietly replaced.
    expect(unknownInLink(new URLSearchParams("ws=zzz&ch=b1"), workspaces, channels)).toEqual({ workspaceId: "zzz", channelId: undefined });
    expect(unknownInLink(new URLSearchParams("ws=c&ch=nope"), workspaces, channels)).toEqual({ workspaceId: undefined, channelId: "nope" });
    expect(unknownInLink(new URLSearchParams("ws=c&ch=b1"), workspaces, channels)).toBeUndefined();
    expect(unknownInLink(new URLSearchParams(), workspaces, channels)).toBeUndefined();
  });
});
