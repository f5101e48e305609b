import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderApp, serveRealApiForFile } from "../../helpers/render-app";

const server = serveRealApiForFile();
afterEach(() => server.stack.simulator.faults.clear());

const LABELS = "/labels?ws=ws_aurora&ch=ch_aurora_messenger";
const BAR_NAME = /^(.+), (week of )?(\d{4}-\d{2}-\d{2}): ([\d,]+) messages?$/;

async function bars(label?: string) {
  await waitFor(() => expect(screen.getAllByRole("button", { name: BAR_NAME }).length).toBeGreaterThan(0), { timeout: 5000 });
  const all = screen.getAllByRole("button", { name: BAR_NAME });
  return label ? all.filter((b) => b.getAttribute("aria-label")!.startsWith(`${label}, `)) : all;
}

describe("Labels view", () => {
  it("draws a focusable, named bar per label and UTC day, and says buckets are UTC", async () => {
    renderApp(LABELS);
    const frustrated = await bars("Frustrated");
    expect(frustrated.length).toBeGreaterThan(20);
    expect(frustrated.every((b) => b.getAttribute("tabindex") === "0")).toBe(true);
    expect(frustrated[0]!.getAttribute("aria-label")).toMatch(/^Frustrated, \d{4}-\d{2}-\d{2}: [\d,]+ messages?$/);
    expect(screen.getByText(/^Days are UTC/)).toBeInTheDocument();
    // Custom AI labels appear by name, never by id.
    expect((await bars("Refund request")).length).toBeGreaterThan(0);
    expect(screen.queryAllByRole("button", { name: /^cl_/ })).toHaveLength(0);
    expect(screen.getByRole("table", { name: "Totals per label for the window" })).toBeInTheDocument();
  });

  it("lets a keyboard user skip past all the bars", async () => {
    const { user } = renderApp(LABELS);
    await bars();
    const legend = screen.getByRole("list", { name: "Labels shown (toggle)" });
    within(legend).getAllByRole("button").at(-1)!.focus();
    await user.tab();
    expect(screen.getByRole("button", { name: "Skip past the chart to the totals" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { name: "Totals for the window" })).toHaveFocus();
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

  it("reads as rates against the activity baseline, totals unchanged", async () => {
    const { user, search } = renderApp(LABELS);
    await bars();
    const totals = screen.getByRole("table", { name: "Totals per label for the window" }).textContent;
    await user.click(screen.getByRole("radio", { name: "Rate" }));
    expect(search().get("mode")).toBe("rate");
    expect(await screen.findByText("Share of VIP messages")).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Totals per label for the window" }).textContent).toBe(totals);
  });

  it("refuses a window over 31 days in the UI, without asking the server", async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const { search } = renderApp(`${LABELS}&from=${day(60)}&to=${day(30)}`);
    await bars();
    const before = server.stack.simulator.requests.length;
    fireEvent.change(screen.getByLabelText("To"), { target: { value: day(16) } });
    expect(await screen.findByRole("alert")).toHaveTextContent("The window can be at most 31 days; this one is 45 days.");
    expect(search().get("to")).toBe(day(16));
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
    const chartBars = (await bars()).map((b) => b.getAttribute("aria-label")).sort();
    await user.click(screen.getByRole("radio", { name: "Table" }));
    const table = await screen.findByRole("table", { name: /per UTC day, as counts/ });
    const cells = within(table).getAllByRole("button", { name: BAR_NAME }).map((b) => b.getAttribute("aria-label")).sort();
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
});
