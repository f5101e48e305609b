import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { LabelOverview } from "#contract/responses";
import { renderApp, serveRealApiForFile } from "../../helpers/render-app";

const server = serveRealApiForFile();
const GATE = "ws=ws_aurora&ch=ch_aurora_messenger";
const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);

async function overview(from: string, to: string): Promise<LabelOverview> {
  const res = await server.stack.api(`/api/vip-labels/overview?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=${from}&to=${to}`);
  return (await res.json()) as LabelOverview;
}

/** Clicks Load more until everything is loaded; returns the status line. */
async function loadAll(user: ReturnType<typeof renderApp>["user"]) {
  await screen.findByText(/ loaded/, {}, { timeout: 5000 });
  for (let guard = 0; guard < 100; guard++) {
    const more = screen.queryByRole("button", { name: "Load more" });
    if (!more) break;
    await user.click(more);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Loading…" })).toBeNull(), { timeout: 5000 });
  }
  return (await screen.findByText(/^All [\d,]+ messages? loaded$/)).textContent!;
}

describe("Messages view", () => {
  it("lists every VIP message of a day: as many as the overview's activity count, newest first", async () => {
    const { user } = renderApp(`/messages?${GATE}&from=${day(3)}&to=${day(3)}`);
    expect(await screen.findByRole("heading", { name: "VIP messages" })).toBeInTheDocument();
    const expected = (await overview(day(3), day(3))).activity.reduce((n, a) => n + a.count, 0);
    expect(expected).toBeGreaterThan(200);
    expect(await screen.findByText(new RegExp(`^200 loaded of ${expected.toLocaleString("en-US")} messages`), {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await loadAll(user)).toBe(`All ${expected.toLocaleString("en-US")} messages loaded`);
    // (The list itself, virtualised, is tested in the browser, where there is layout.)
  });

  it("narrows to one label (its count) and to one kind, in the URL", async () => {
    const { user, search } = renderApp(`/messages?${GATE}&from=${day(2)}&to=${day(2)}`);
    const data = await overview(day(2), day(2));
    const frustrated = data.rows.filter((r) => r.label === "frustrated").reduce((n, r) => n + r.count, 0);
    await screen.findByRole("option", { name: "Frustrated" }, { timeout: 5000 });
    await user.selectOptions(screen.getByRole("combobox", { name: "Label" }), "frustrated");
    expect(search().get("label")).toBe("frustrated");
    expect(await loadAll(user)).toBe(`All ${frustrated.toLocaleString("en-US")} messages loaded`);
    await user.selectOptions(screen.getByRole("combobox", { name: "Content kind" }), "attachment");
    expect(search().get("kind")).toBe("attachment");
    const attachments = await loadAll(user);
    expect(Number(attachments.replace(/\D/g, ""))).toBeGreaterThan(0);
    expect(Number(attachments.replace(/\D/g, ""))).toBeLessThan(frustrated);
  });

  it("opens from the Labels view's activity panel for exactly that period", async () => {
    const { user, search, router } = renderApp(`/labels?${GATE}`);
    const period = await screen.findByRole("link", { name: new RegExp(`^All VIP messages, ${day(4)}: `) }, { timeout: 5000 });
    const count = period.getAttribute("aria-label")!.match(/: ([\d,]+) messages?/)![1]!;
    await user.click(period);
    await waitFor(() => expect(router.state.location.pathname).toBe("/messages"));
    expect(search().get("from")).toBe(day(4));
    expect(search().get("to")).toBe(day(4));
    expect(await loadAll(user)).toBe(`All ${count} messages loaded`);
  });
});
