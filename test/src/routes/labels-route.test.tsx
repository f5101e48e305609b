import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderApp, serveRealApiForFile } from "../../helpers/render-app";
import type { LabelOverview } from "#contract/responses";
import { BAR_NAME } from "../../helpers/bar-name";

const server = serveRealApiForFile();
afterEach(() => server.stack.simulator.faults.clear());

const LABELS = "/labels?ws=ws_aurora&ch=ch_aurora_messenger";
/** A day as the page writes it, in the reader's locale (en-US here). */
const mediumDay = (d: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(Date.parse(`${d}T00:00:00Z`));


async function bars(label?: string) {
  await waitFor(() => expect(screen.getAllByRole("button", { name: BAR_NAME }).length).toBeGreaterThan(0), { timeout: 5000 });
  const all = screen.getAllByRole("button", { name: BAR_NAME });
  return label ? all.filter((b) => b.getAttribute("aria-label")!.startsWith(`${label}, `)) : all;
}

describe("Labels view", () => {
  it("draws a small chart per label, a named bar per UTC day, today marked as so far", async () => {
    renderApp(LABELS);
    const frustrated = await bars("Frustrated");
    expect(frustrated).toHaveLength(30);
    expect(frustrated[0]!.getAttribute("aria-label")).toMatch(/^Frustrated, \d{4}-\d{2}-\d{2}: [\d,]+ messages?$/);
    // The last 30 days end today, which is not over: its bar says so.
    const today = new Date().toISOString().slice(0, 10);
    expect(frustrated.at(-1)!.getAttribute("aria-label")).toMatch(new RegExp(`^Frustrated, ${today} \\(so far\\): `));
    expect(screen.getByText(/^Days are UTC/)).toBeInTheDocument();
    expect(screen.getByText(/A message can carry several labels, so each label is read on its own/)).toBeInTheDocument();
    expect(screen.getByRole("group", { name: /^Frustrated/ })).toBeInTheDocument();
    // Custom AI labels appear by name, never by id.
    expect((await bars("Refund request")).length).toBeGreaterThan(0);
    expect(screen.queryAllByRole("button", { name: /^cl_/ })).toHaveLength(0);
    expect(screen.getByRole("table", { name: "Totals per label for the window" })).toBeInTheDocument();
  });

  it("is one tab stop: arrows move between periods and labels, Enter opens, Tab leaves", async () => {
    const { user, search } = renderApp(LABELS);
    const all = await bars();
    expect(all.filter((b) => b.getAttribute("tabindex") === "0")).toHaveLength(1);
    expect(screen.getAllByRole("link", { name: /^All VIP messages, / }).filter((b) => b.getAttribute("tabindex") === "0")).toHaveLength(1);
    const legend = screen.getByRole("list", { name: "Labels shown (toggle)" });
    within(legend).getAllByRole("button").at(-1)!.focus();
    // The "all VIP messages" panel is its own stop, first; then the labels' panels, one stop.
    await user.tab();
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(/^All VIP messages, /);
    await user.tab();
    const first = (await bars("Frustrated"))[0]!;
    expect(first).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect((await bars("Frustrated"))[1]).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect((await bars("Churn risk"))[1]).toHaveFocus();
    await user.keyboard("{End}");
    expect((await bars("Churn risk")).at(-1)).toHaveFocus();
    // Coming back with Shift+Tab lands on the bar left last.
    await user.tab();
    expect(document.activeElement?.getAttribute("aria-label") ?? "").not.toMatch(BAR_NAME);
    await user.tab({ shift: true });
    expect((await bars("Churn risk")).at(-1)).toHaveFocus();
    await user.keyboard("{ArrowLeft}{Enter}");
    expect(await screen.findByRole("dialog", { name: /^Churn risk: / })).toBeInTheDocument();
    expect(search().get("drill")).toMatch(/^churn_risk:/);
  });

  it("switches to weeks: bars read 'week of <Monday>' and the URL keeps it", async () => {
    const { user, search } = renderApp(LABELS);
    await bars();
    await user.click(screen.getByRole("radio", { name: "Week" }));
    await waitFor(() => expect(screen.getAllByRole("button", { name: /^Frustrated, week of / }).length).toBeGreaterThan(3));
    expect(search().get("granularity")).toBe("week");
    for (const bar of await bars("Frustrated")) {
      const monday = BAR_NAME.exec(bar.getAttribute("aria-label")!)![3]!;
      expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
    }
    expect(screen.getByText(/^Weeks are UTC, Monday to Sunday/)).toBeInTheDocument();
  });

  it("reads as rates by default, or as counts; totals unchanged", async () => {
    const { user, search } = renderApp(LABELS);
    await bars();
    expect(screen.getByRole("radio", { name: "Rate" })).toBeChecked();
    expect(screen.getByText(/^Same scale in every panel: 0 to [\d.]+% of all VIP messages/)).toBeInTheDocument();
    const totals = screen.getByRole("table", { name: "Totals per label for the window" }).textContent;
    await user.click(screen.getByRole("radio", { name: "Counts" }));
    expect(search().get("mode")).toBe("count");
    expect(await screen.findByText(/^Same scale in every panel: 0 to [\d,]+ messages carrying the label/)).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Totals per label for the window" }).textContent).toBe(totals);
  });

  it("stacks label tags only as counts, named as tags, with the same bars", async () => {
    const { user, search } = renderApp(LABELS);
    // Names carry the unusual-period notes once the four weeks before have been compared.
    await screen.findByRole("heading", { name: "Unusual this period" });
    await waitFor(() => expect(screen.queryByText(/^Comparing each period with the four weeks before/)).toBeNull(), { timeout: 5000 });
    const perLabel = (await bars()).filter((b) => b.getAttribute("aria-disabled") !== "true").map((b) => b.getAttribute("aria-label")).sort();
    await user.click(screen.getByRole("radio", { name: "Stacked tags" }));
    expect(search().get("show")).toBe("stack");
    expect(await screen.findByText("Label tags")).toBeInTheDocument();
    expect(screen.getByText(/a stack counts tags, not messages/)).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Rate" })).toBeDisabled();
    expect(screen.getByRole("radio", { name: "Counts" })).toBeChecked();
    await waitFor(async () => expect((await bars()).map((b) => b.getAttribute("aria-label")).sort()).toEqual(perLabel), { timeout: 5000 });
    expect((await bars()).filter((b) => b.getAttribute("tabindex") === "0")).toHaveLength(1);
    // A segment still opens on a click (pressing it moves the tab stop; that must not replace it).
    await user.click((await bars("Praise"))[4]!);
    expect(await screen.findByRole("dialog", { name: /^Praise: / })).toBeInTheDocument();
  });

  it("compares the window with the one before it: the numbers two overview calls give", async () => {
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    renderApp(`${LABELS}&from=${day(16)}&to=${day(3)}`);
    const totals = await screen.findByRole("table", { name: "Totals per label for the window" });
    await screen.findByText(new RegExp(`^Compared with the 14 days before: ${mediumDay(day(30))} to ${mediumDay(day(17))} \\(UTC\\)`), {}, { timeout: 5000 });
    const get = async (from: string, to: string) =>
      (await (await server.stack.api(`/api/vip-labels/overview?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=${from}&to=${to}`)).json()) as LabelOverview;
    const sum = (o: LabelOverview, label: string) => o.rows.filter((r) => r.label === label).reduce((n, r) => n + r.count, 0);
    const now = await get(day(16), day(3));
    const before = await get(day(30), day(17));
    const row = within(totals).getByRole("rowheader", { name: /Frustrated/ }).closest("tr")!;
    const cells = within(row).getAllByRole("cell").map((c) => c.textContent);
    const [current, previous] = [sum(now, "frustrated"), sum(before, "frustrated")];
    expect(cells[0]).toBe(current.toLocaleString("en-US"));
    expect(cells[3]).toBe(previous.toLocaleString("en-US"));
    const delta = current - previous;
    // The panels draw the window before as a faint line, one point per period.
    expect(screen.getByText(new RegExp(`The dotted line is the window before \\(${mediumDay(day(30))} to ${mediumDay(day(17))}\\)`))).toBeInTheDocument();
    const line = document.querySelector(".multiple__previous")!;
    expect(line.getAttribute("points")!.split(" ")).toHaveLength(14);
    expect(cells[4]).toBe(`${delta >= 0 ? "+" : "−"}${Math.abs(delta).toLocaleString("en-US")} (${delta >= 0 ? "+" : "−"}${Math.abs((delta / previous) * 100).toFixed(1)}%)`);
  });

  it("refuses a window longer than a chart of days holds, without asking the server, and says what to choose", async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const { search } = renderApp(`${LABELS}&from=${day(60)}&to=${day(30)}`);
    await bars();
    const before = server.stack.simulator.requests.length;
    fireEvent.change(screen.getByLabelText("From"), { target: { value: day(200) } });
    expect(await screen.findByRole("alert")).toHaveTextContent("By day, a trend covers at most 92 days; choose by week or by month for a longer range.");
    expect(search().get("from")).toBe(day(200));
    expect(screen.queryAllByRole("button", { name: BAR_NAME })).toHaveLength(0);
    expect(server.stack.simulator.requests.slice(before).filter((r) => r.path.includes("overview"))).toHaveLength(0);
  });

  it("applies presets", async () => {
    const { user, search } = renderApp(LABELS);
    await bars();
    await user.click(screen.getByRole("button", { name: "Last 7 days" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true"));
    const from = Date.parse(search().get("from")!);
    const to = Date.parse(search().get("to")!);
    expect((to - from) / 86_400_000).toBe(6);
    await waitFor(async () => expect((await bars("Frustrated")).length).toBeLessThanOrEqual(7));
  });

  it("toggles a label from the legend, in the URL", async () => {
    const { user, search } = renderApp(LABELS);
    await bars();
    const legend = screen.getByRole("list", { name: "Labels shown (toggle)" });
    await user.click(within(legend).getByRole("button", { name: "Toxic language" }));
    expect(within(legend).getByRole("button", { name: "Toxic language" })).toHaveAttribute("aria-pressed", "false");
    expect(search().get("hide")).toBe("toxic");
    expect(await bars("Toxic language")).toHaveLength(0);
    expect((await bars("Frustrated")).length).toBeGreaterThan(0);
  });

  it("shows the same numbers as a table", async () => {
    const { user } = renderApp(LABELS);
    // Zero cells are in the chart (to be pointed at) but not openable.
    const chartBars = (await bars()).filter((b) => b.getAttribute("aria-disabled") !== "true").map((b) => b.getAttribute("aria-label")).sort();
    await user.click(screen.getByRole("radio", { name: "Table" }));
    const table = await screen.findByRole("table", { name: /per UTC day, as a share of all VIP messages/ });
    // The table's buttons also say the rate they show.
    const cells = within(table).getAllByRole("button", { name: BAR_NAME }).map((b) => b.getAttribute("aria-label")!.replace(/, [\d.]+%$/, "")).sort();
    expect(cells).toEqual(chartBars);
  });

  it("explains an upstream failure with a Retry, and keeps the controls usable", async () => {
    server.stack.simulator.faults.add({ status: 503, pathPrefix: "/vip-labels" });
    const { user } = renderApp(LABELS);
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(/The Dynamo API failed \(HTTP 503/);
    expect(screen.getByRole("radio", { name: "Week" })).toBeEnabled();
    server.stack.simulator.faults.clear();
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect((await bars()).length).toBeGreaterThan(0);
  });

  it("marks unusual periods on their bars and in the table, lists them, and opens one's messages", async () => {
    const { user, search } = renderApp(LABELS);
    const unusual = await screen.findByRole("region", { name: "Unusual this period" });
    const items = await within(unusual).findAllByRole("button", {}, { timeout: 5000 });
    const giftcode = items.find((b) => /^Gift code issue: /.test(b.textContent ?? ""))!;
    expect(giftcode).toBeDefined();
    // The marked bar says why in its name; an ordinary bar says nothing of the kind.
    const marked = (await bars("Gift code issue")).filter((b) => /; unusual: [\d.]+ times its usual share of the 4 weeks before$/.test(b.getAttribute("aria-label") ?? ""));
    expect(marked.length).toBeGreaterThan(0);
    expect((await bars("Question")).some((b) => /unusual/.test(b.getAttribute("aria-label") ?? ""))).toBe(false);
    await user.click(giftcode);
    const dialog = await screen.findByRole("dialog", { name: /^Gift code issue: / });
    expect(search().get("drill")).toMatch(/^cl_giftcode:/);
    expect(marked.map((b) => b.getAttribute("data-bar"))).toContain(`cl_giftcode|${search().get("drill")!.slice("cl_giftcode:".length)}`);
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    await user.click(screen.getByRole("radio", { name: "Table" }));
    const table = await screen.findByRole("table", { name: /VIP messages carrying each label/ });
    expect(within(table).getAllByRole("button", { name: /; unusual: / }).length).toBeGreaterThanOrEqual(marked.length);
  });

  it("finds nothing unusual in quiet weeks", async () => {
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    renderApp(`${LABELS}&from=${day(80)}&to=${day(66)}`);
    const unusual = await screen.findByRole("region", { name: "Unusual this period" });
    await within(unusual).findByText(/^Nothing unusual: /, {}, { timeout: 5000 });
    expect((await bars()).some((b) => /unusual/.test(b.getAttribute("aria-label") ?? ""))).toBe(false);
  });
});
