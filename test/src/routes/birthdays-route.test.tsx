import { render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { UpcomingBirthdays } from "#contract/dashboard-api";
import { addCalendarDays } from "#contract/upcoming-birthdays";
import { BirthdayList } from "../../../src/features/upcoming-birthdays/birthday-list";
import { ScanNote } from "../../../src/features/upcoming-birthdays/birthdays-panel";
import { renderApp, serveRealApiForFile } from "../../helpers/render-app";

vi.mock("../../../src/lib/download", () => ({ triggerDownload: vi.fn<(url: string, filename: string) => void>() }));
const { triggerDownload } = await import("../../../src/lib/download");

// The server runs in this process too, so the clock is not faked here: the browser tests set
// the page's clock (near the year's end, on a day with no birthdays) in test/e2e.
const server = serveRealApiForFile();
afterEach(() => server.stack.simulator.faults.clear());

const MAIN = "/birthdays?ws=ws_aurora&ch=ch_aurora_messenger";
const utcToday = () => new Date().toISOString().slice(0, 10);
const longDay = (day: string) =>
  new Intl.DateTimeFormat(undefined, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }).format(Date.parse(`${day}T00:00:00Z`));

describe("upcoming birthdays", () => {
  it("lists the days in order from today in UTC, each player once, and exports exactly that list", async () => {
    const { user } = renderApp(`${MAIN}&range=14`);
    const today = utcToday();
    const summary = (await screen.findByText(/ birthdays from /)).closest("[role=status]")!;
    expect(summary).toHaveTextContent(`Today is ${longDay(today)} in UTC.`);
    const count = Number(summary.textContent!.split(" ")[0]!.replace(/,/g, ""));
    const days = [...document.querySelectorAll("[data-day]")].map((el) => el.getAttribute("data-day")!);
    // Calendar order, each day once, all within the 14 days.
    expect(days).toEqual([...days].sort());
    expect(new Set(days).size).toBe(days.length);
    expect(days.every((d) => d >= today && d <= addCalendarDays(today, 13))).toBe(true);
    // Today and tomorrow are named as such; every heading says its day.
    const tomorrow = addCalendarDays(today, 1);
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent ?? "");
    expect(headings).toHaveLength(days.length);
    headings.forEach((heading, i) => {
      const prefix = days[i] === today ? "Today · " : days[i] === tomorrow ? "Tomorrow · " : "";
      expect(heading.startsWith(`${prefix}${longDay(days[i]!)}`)).toBe(true);
    });
    const people = [...document.querySelectorAll(".birthday-person")];
    expect(people).toHaveLength(count);
    expect(screen.getByText(/^Read from the \w+( and \w+)? birthday lists?: \d+ pages?, \d+ calls? to the Dynamo API\.$/)).toBeInTheDocument();
    const name = `vip-birthdays-ws_aurora-ch_aurora_messenger-${today}_to_${addCalendarDays(today, 13)}.csv`;
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await screen.findByText(`Downloaded ${count.toLocaleString("en-US")} rows as ${name}`);
    expect(triggerDownload).toHaveBeenCalledWith(expect.stringMatching(/^\/api\/downloads\//), name);
  });

  it("says when 29 February is celebrated on the 28th, and that an age is not known", async () => {
    const res = await server.stack.api("/api/birthdays/upcoming?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=2027-02-27&days=3");
    const list = (await res.json()) as UpcomingBirthdays;
    render(<BirthdayList items={list.items} today="2027-02-27" now={Date.parse("2027-02-27T10:00:00Z")} busy={false} />);
    expect(screen.getByRole("heading", { level: 2, name: /^Tomorrow · Sunday, February 28 · / })).toBeInTheDocument();
    const moved = screen.getAllByText("Born on 29 February: celebrated on 28 February this year");
    expect(moved).toHaveLength(list.items.filter((i) => i.leapDayMoved).length);
    expect(moved.length).toBeGreaterThan(0);
    // The demo's 29 February births have no year: no age is made up.
    expect(within(moved[0]!.closest("li")!).getByText("Age not known")).toBeInTheDocument();
    const known = list.items.find((i) => i.turns !== null)!;
    expect(screen.getAllByText(`Turns ${known.turns}`).length).toBeGreaterThan(0);
  });

  it("shows a failing Dynamo API as an error with Retry, which works once it recovers", async () => {
    server.stack.simulator.faults.add({ pathPrefix: "/vip-users", status: 500, times: 30 });
    const { user } = renderApp(`${MAIN}&range=7`);
    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent(/birthdays/);
    server.stack.simulator.faults.clear();
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getAllByRole("heading", { level: 2 }).length).toBeGreaterThan(0));
  });

  it("says when a month could not be read to its end, and what the list cost", () => {
    // The simulator always lets a month be read to its end; a vendor that stops early is played here.
    render(
      <ScanNote
        scan={{
          months: [
            { month: 12, players: 20_000, pages: 40, complete: false },
            { month: 1, players: 310, pages: 1, complete: true },
          ],
          pages: 41,
          upstreamCalls: 41,
          complete: false,
        }}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The Dynamo API stopped before the end of December (after 20,000 players): this list may be missing birthdays.",
    );
    expect(screen.getByText("Read from the December and January birthday lists: 41 pages, 41 calls to the Dynamo API.")).toBeInTheDocument();
  });
});
