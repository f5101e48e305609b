import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { preloadViewsForFile, renderApp, serveRealApiForFile } from "../../helpers/render-app";

vi.mock("../../../src/lib/download", () => ({ triggerDownload: vi.fn<(url: string, filename: string) => void>() }));
const { triggerDownload } = await import("../../../src/lib/download");

const server = serveRealApiForFile();
preloadViewsForFile();
afterEach(() => server.stack.simulator.faults.clear());

const MAIN = "/users?ws=ws_aurora&ch=ch_aurora_messenger";

/** The pickers can be used once the workspace and channel lists have arrived (as for a person). */
async function pickersReady() {
  await waitFor(() => expect(screen.getByRole("combobox", { name: "Workspace" })).toBeEnabled());
}

async function rows() {
  const table = await screen.findByRole("table", { name: /VIP users/ });
  await waitFor(() => expect(table).toHaveAttribute("aria-busy", "false"));
  return within(table).getAllByRole("row").slice(1);
}

const birthdayCells = (trs: HTMLElement[]) => trs.map((tr) => within(tr).getAllByRole("cell")[3]!.textContent);

describe("VIP users view", () => {
  it("says so when a link names a workspace or channel that is not shared, and offers the nearest view", async () => {
    const { user, search } = renderApp("/users?ws=ws_nope&ch=ch_nope&month=6");
    expect(await screen.findByRole("heading", { name: "This link names a workspace you can't see or that doesn't exist" })).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: /VIP users/ })).toBeNull();
    // Nothing was swapped in behind the person's back: the URL still names what the link said.
    expect(search().get("ws")).toBe("ws_nope");
    await user.click(screen.getByRole("link", { name: /^Open Aurora Games · .+ instead$/ }));
    expect(await rows()).toHaveLength(50);
    expect(search().get("ws")).toBe("ws_aurora");
    expect(search().get("month")).toBe("6");
  });

  it("says so for an unknown channel in a known workspace too", async () => {
    renderApp("/users?ws=ws_aurora&ch=ch_nope");
    expect(await screen.findByRole("heading", { name: "This link names a channel you can't see or that doesn't exist" })).toBeInTheDocument();
    expect(screen.getByText("ch_nope")).toBeInTheDocument();
  });

  it("opens on the first VIP workspace and writes the selection into the URL", async () => {
    const { search } = renderApp("/");
    expect(await rows()).toHaveLength(50);
    expect(search().get("ws")).toBe("ws_aurora");
    expect(search().get("ch")).toBe("ch_aurora_messenger");
    expect(screen.getByText("Showing 1–50 of 5,200")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "VIP users" })).toHaveAttribute("aria-current", "page");
  });

  it("shows names, birthdays (day and month only when the year is unknown) and 'never' for unknown times", async () => {
    renderApp(`${MAIN}&size=200`);
    const all = await rows();
    const birthdays = birthdayCells(all);
    expect(birthdays.some((b) => /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(b ?? ""))).toBe(true);
    expect(birthdays.some((b) => /^[A-Z][a-z]+ \d{1,2}$/.test(b ?? ""))).toBe(true);
    // A missing birthday is a dash to the eye and "none" to a screen reader.
    expect(birthdays.some((b) => b === "–none")).toBe(true);
    expect(screen.getAllByText("never").length).toBeGreaterThan(0);
    expect(screen.getAllByRole("button", { name: /^Copy CUID / }).length).toBe(200);
  });

  it("filters by birthday month, back to page 1, and every row is in that month", async () => {
    const { user, search } = renderApp(`${MAIN}&page=3`);
    await rows();
    await user.selectOptions(screen.getByRole("combobox", { name: "Birthday month" }), "June");
    await waitFor(() => expect(search().get("month")).toBe("6"));
    expect(search().get("page")).toBeNull();
    const june = await rows();
    expect(birthdayCells(june).every((b) => b?.startsWith("June "))).toBe(true);
    const summary = await screen.findByText(/^Showing 1–\d+ of [\d,]+$/);
    const total = Number(summary.textContent!.split(" of ")[1]!.replace(/,/g, ""));
    const upstream = (await (await fetch("/api/vip-users?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&birthdayMonth=6&limit=1")).json()) as {
      total: number;
    };
    expect(total).toBe(upstream.total);
  });

  it("combines Has birthday with the shortcut for this month", async () => {
    const { user, search } = renderApp(MAIN);
    await rows();
    await user.click(screen.getByRole("checkbox", { name: "Has birthday" }));
    await waitFor(() => expect(search().get("birthday")).toBe("known"));
    expect(birthdayCells(await rows()).every((b) => b !== "–")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Birthdays this month" }));
    const month = new Date().getUTCMonth() + 1; // the dashboard's clock is UTC
    await waitFor(() => expect(search().get("month")).toBe(String(month)));
    expect(screen.getByRole("button", { name: "Birthdays this month" })).toHaveAttribute("aria-pressed", "true");
  });

  it("pages with Next/Previous and Rows per page, keeping the URL in step", async () => {
    const { user, search } = renderApp(MAIN);
    const first = (await rows()).map((r) => r.textContent);
    await user.click(screen.getByRole("button", { name: "Next page" }));
    await screen.findByText("Showing 51–100 of 5,200");
    expect(search().get("page")).toBe("2");
    const second = (await rows()).map((r) => r.textContent);
    expect(second).not.toEqual(first);
    await user.selectOptions(screen.getByRole("combobox", { name: "Rows per page" }), "100");
    await screen.findByText("Showing 1–100 of 5,200");
    expect(search().get("size")).toBe("100");
    expect(search().get("page")).toBeNull();
    expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled();
  });

  it("jumps with page numbers, Last and Go to page, to the right offset", async () => {
    const { user, search } = renderApp(MAIN);
    await rows();
    const pages = screen.getByRole("navigation", { name: "Pages" });
    expect(within(pages).getByRole("button", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
    await user.click(within(pages).getByRole("button", { name: "Last page" }));
    await screen.findByText("Showing 5,151–5,200 of 5,200");
    expect(search().get("page")).toBe("104");
    expect(within(pages).getByRole("button", { name: "Next page" })).toBeDisabled();
    await user.type(within(pages).getByRole("spinbutton", { name: "Go to page" }), "7{Enter}");
    await screen.findByText("Showing 301–350 of 5,200");
    expect(search().get("page")).toBe("7");
    expect(within(pages).getByRole("button", { name: "Page 7" })).toHaveAttribute("aria-current", "page");
    await user.type(within(pages).getByRole("spinbutton", { name: "Go to page" }), "105{Enter}");
    expect(await within(pages).findByRole("alert")).toHaveTextContent("There are 104 pages.");
    expect(search().get("page")).toBe("7");
    await user.click(within(pages).getByRole("button", { name: "Page 8" }));
    await screen.findByText("Showing 351–400 of 5,200");
  });

  it("remembers each view's state when switching away and back, and copies the link", async () => {
    const { user, search } = renderApp(`${MAIN}&month=6&page=2`);
    await rows();
    await user.click(screen.getByRole("link", { name: "Labels" }));
    await user.click(await screen.findByRole("radio", { name: "Week" }));
    await waitFor(() => expect(search().get("granularity")).toBe("week"));
    await user.click(screen.getByRole("link", { name: "VIP users" }));
    await waitFor(() => expect(search().get("month")).toBe("6"));
    expect(search().get("page")).toBe("2");
    await user.click(screen.getByRole("link", { name: "Labels" }));
    await waitFor(() => expect(search().get("granularity")).toBe("week"));
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    expect(await screen.findByText("Link copied")).toBeInTheDocument();
    const copied = new URL(await navigator.clipboard.readText());
    expect(copied.pathname).toBe("/labels");
    expect(copied.search).toBe(`?${search().toString()}`);
    expect(copied.searchParams.get("granularity")).toBe("week");
  });

  it("says what matched nothing, and offers the way back", async () => {
    // Find a month with no birthdays on the small Discord channel, through the API itself.
    let empty = 0;
    for (let month = 1; month <= 12 && !empty; month++) {
      const res = await fetch(`/api/vip-users?workspaceId=ws_aurora&mediumId=ch_aurora_discord&birthdayMonth=${month}&limit=1`);
      if (((await res.json()) as { total: number }).total === 0) empty = month;
    }
    expect(empty).toBeGreaterThan(0);
    const monthName = new Date(Date.UTC(2026, empty - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
    const { user, search } = renderApp(`/users?ws=ws_aurora&ch=ch_aurora_discord&month=${empty}`);
    expect(await screen.findByText(`No VIP users with a birthday in ${monthName}`)).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: /VIP users/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Show all VIP users" }));
    expect(search().get("month")).toBeNull();
    expect(await rows()).toHaveLength(30);
  });

  it("restores the same view from the URL (a reload or a shared link)", async () => {
    renderApp(`${MAIN}&month=2&page=2&size=25`);
    await screen.findByText(/^Showing 26–50 of [\d,]+$/);
    expect(screen.getByRole("combobox", { name: "Birthday month" })).toHaveValue("2");
    expect(screen.getByRole("combobox", { name: "Rows per page" })).toHaveValue("25");
  });

  it("says 'at least' when the upstream's count is capped", async () => {
    const { user } = renderApp(MAIN);
    await rows();
    await pickersReady();
    await user.selectOptions(screen.getByRole("combobox", { name: "Workspace" }), "ws_skyforge");
    expect(await screen.findByText("Showing 1–50 of at least 10,000")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Channel" })).toHaveValue("ch_skyforge_app");
  });

  it("drops what belongs to the old workspace (its page) when the workspace changes", async () => {
    const { user, search } = renderApp(`${MAIN}&page=3`);
    expect(await screen.findByText(/^Showing 101–150 of /, {}, { timeout: 8000 })).toBeInTheDocument();
    await pickersReady();
    await user.selectOptions(screen.getByRole("combobox", { name: "Workspace" }), "ws_skyforge");
    expect(await screen.findByText("Showing 1–50 of at least 10,000")).toBeInTheDocument();
    expect(search().get("page")).toBeNull();
  });

  it("remembers the last workspace and channel for the next visit", async () => {
    const first = renderApp(MAIN);
    await rows();
    await pickersReady();
    await first.user.selectOptions(screen.getByRole("combobox", { name: "Workspace" }), "ws_skyforge");
    await screen.findByText("Showing 1–50 of at least 10,000");
    first.unmount();
    const again = renderApp("/");
    await screen.findByText("Showing 1–50 of at least 10,000");
    expect(again.search().get("ws")).toBe("ws_skyforge");
    expect(again.search().get("ch")).toBe("ch_skyforge_app");
  });

  it("lists the non-VIP workspace disabled, and explains it when a link names it", async () => {
    renderApp("/users?ws=ws_pixel&ch=ch_pixel_messenger");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Not available for this workspace or channel");
    expect(alert).toHaveTextContent('Workspace "Pixel Harbor" is not a VIP workspace');
    expect(within(alert).queryByRole("button", { name: "Retry" })).toBeNull();
    expect(screen.getByRole("option", { name: "Pixel Harbor (not a VIP workspace)" })).toBeDisabled();
    expect(screen.getByRole("note")).toHaveTextContent("Pixel Harbor is not a VIP workspace");
  });

  it("shows the server's message and a Retry that works once the upstream recovers", async () => {
    server.stack.simulator.faults.add({ status: 500, pathPrefix: "/vip-users" });
    const { user } = renderApp(MAIN);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The Dynamo API failed (HTTP 500");
    expect(screen.getByRole("combobox", { name: "Workspace" })).toBeEnabled();
    server.stack.simulator.faults.clear();
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await rows()).toHaveLength(50);
  });

  it("exports the filtered list: progress, then the download with its file name", async () => {
    const { user } = renderApp(`${MAIN}&month=3`);
    await rows();
    const total = (await screen.findByText(/^Showing 1–\d+ of [\d,]+$/)).textContent!.split(" of ")[1]!;
    server.stack.simulator.faults.add({ latencyMs: 300, pathPrefix: "/vip-users/export", times: 1 });
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(await screen.findByRole("button", { name: `Preparing ${total} rows…` })).toBeDisabled();
    await screen.findByText(new RegExp(`^Downloaded ${total} rows as vip-users-ws_aurora-ch_aurora_messenger-birthday-month-03-`));
    expect(triggerDownload).toHaveBeenCalledWith(
      expect.stringMatching(/^\/api\/downloads\//),
      expect.stringMatching(/^vip-users-ws_aurora-ch_aurora_messenger-birthday-month-03-\d{4}-\d{2}-\d{2}\.csv$/),
    );
  });

  it("shows an export failure and lets it be retried", async () => {
    server.stack.simulator.faults.add({ status: 500, pathPrefix: "/vip-users/export", times: 1 });
    const { user } = renderApp(MAIN);
    await rows();
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(await screen.findByText(/^Export failed: The Dynamo API failed/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Retry export" }));
    await screen.findByText(/^Downloaded 5,200 rows as/, {}, { timeout: 10_000 });
  });
});
