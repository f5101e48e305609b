import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderApp, serveRealApiForFile } from "../../helpers/render-app";
import { countInName } from "../../helpers/bar-name";

vi.mock("../../../src/lib/download", () => ({ triggerDownload: vi.fn<(url: string, filename: string) => void>() }));
const { triggerDownload } = await import("../../../src/lib/download");

serveRealApiForFile();

const LABELS = "/labels?ws=ws_aurora&ch=ch_aurora_messenger";

async function barsOf(label: string) {
  await waitFor(() => expect(screen.getAllByRole("button", { name: new RegExp(`^${label}, `) }).length).toBeGreaterThan(0), {
    timeout: 5000,
  });
  return screen.getAllByRole("button", { name: new RegExp(`^${label}, `) });
}

const countOf = (bar: HTMLElement) => countInName(bar.getAttribute("aria-label"));

/** "Load all", then wait until nothing is left to load. */
async function loadAll(dialog: HTMLElement, user: ReturnType<typeof renderApp>["user"]) {
  await waitFor(() => expect(within(dialog).queryByText("Loading messages…")).toBeNull(), { timeout: 5000 });
  const all = within(dialog).queryByRole("button", { name: /^Load all / });
  if (all) await user.click(all);
  await waitFor(() => expect(within(dialog).queryByRole("button", { name: /^(Load more|Load all|Stop loading|Loading…)/ })).toBeNull(), { timeout: 15_000 });
}

describe("message drill-down", () => {
  it("lists exactly the bar's count of messages once everything is loaded (a real overview)", async () => {
    const { user, search } = renderApp(LABELS);
    const bars = await barsOf("Frustrated");
    // The busiest bar, so paging is exercised (pages hold 200).
    const bar = bars.reduce((a, b) => (countOf(b) > countOf(a) ? b : a));
    const count = countOf(bar);
    expect(count).toBeGreaterThan(200);
    await user.click(bar);
    const dialog = await screen.findByRole("dialog", { name: /^Frustrated: \d{4}-\d{2}-\d{2} 00:00 – \d{4}-\d{2}-\d{2} 00:00 UTC$/ });
    expect(search().get("drill")).toMatch(/^frustrated:\d{4}-\d{2}-\d{2}$/);
    expect(within(dialog).getByText(new RegExp(`${count.toLocaleString("en-US")} messages in [\\d,]+ conversations`))).toBeInTheDocument();
    await loadAll(dialog, user);
    expect(within(dialog).getByText(`All ${count.toLocaleString("en-US")} messages shown`)).toBeInTheDocument();
    // (The virtual list itself, its items and its bounded size, is tested in the browser, where there is layout.)
  });

  it("opens with Enter on a focused bar, narrows by kind, and exports the same selection", async () => {
    const { user, search } = renderApp(LABELS);
    const bar = (await barsOf("Bug report"))[3]!;
    bar.focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: /^Bug report: / });
    await loadAll(dialog, user);
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Content kind" }), "attachment");
    await waitFor(() => expect(search().get("kind")).toBe("attachment"));
    await loadAll(dialog, user);
    const shown = Number(/^All ([\d,]+) attachment messages?/.exec(within(dialog).getByText(/^All [\d,]+ attachment message/).textContent!)![1]!.replace(/,/g, ""));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(countOf(bar));
    await user.click(within(dialog).getByRole("button", { name: "Export CSV" }));
    await within(dialog).findByText(/^Downloaded [\d,]+ rows? as vip-messages-ws_aurora-ch_aurora_messenger-bug_report-attachment-/);
    expect(triggerDownload).toHaveBeenCalledWith(expect.stringMatching(/^\/api\/downloads\//), expect.stringMatching(/\.csv$/));
  });

  it("closes with Escape, the Close button and Back; Forward reopens; focus returns to the bar", async () => {
    const { user, router, search } = renderApp(LABELS);
    const bar = (await barsOf("Praise"))[2]!;
    const name = bar.getAttribute("aria-label");
    await user.click(bar);
    await screen.findByRole("dialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(search().get("drill")).toBeNull();
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe(name));

    await user.click(screen.getByRole("button", { name: name! }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await user.click(screen.getByRole("button", { name: name! }));
    await screen.findByRole("dialog");
    await router.navigate(-1);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await router.navigate(1);
    // Role queries over a few hundred SVG bars are slow in jsdom: allow for it.
    expect(await screen.findByRole("dialog", { name: /^Praise: / }, { timeout: 5000 })).toBeInTheDocument();
  });

  it("opens straight from a link, with week bars clipped to the window", async () => {
    const from = new Date(Date.now() - 20 * 86_400_000);
    // A Wednesday-or-so start: its week's Monday lies before the window.
    while (from.getUTCDay() !== 3) from.setUTCDate(from.getUTCDate() + 1);
    const fromDay = from.toISOString().slice(0, 10);
    const to = new Date(from.getTime() + 13 * 86_400_000).toISOString().slice(0, 10);
    const monday = new Date(from.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    renderApp(`${LABELS}&from=${fromDay}&to=${to}&granularity=week&drill=question:${monday}`);
    const dialog = await screen.findByRole("dialog", { name: new RegExp(`^Question: ${fromDay} 00:00 – `) });
    // The window starts on a Wednesday: that week is counted from Wednesday to Sunday only.
    expect(within(dialog).getByText(new RegExp(`^week of ${monday} \\(UTC, 5 of 7 days\\)`))).toBeInTheDocument();
  });

  it("says so when a link names a bar that is not in the window", async () => {
    renderApp(`${LABELS}&drill=frustrated:2001-01-01`);
    expect(await screen.findByRole("dialog", { name: "This bar is not in the chart" }, { timeout: 5000 })).toBeInTheDocument();
  });
});
