import { render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { UpcomingBirthdays } from "#contract/dashboard-api";
import { addCalendarDays } from "#contract/upcoming-birthdays";
import { BirthdayList, birthdayRows, type BirthdayRow } from "../../../src/features/upcoming-birthdays/birthday-list";
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
    // The list as the server made it, day by day.
    const list = (await (await server.stack.api(`/api/birthdays/upcoming?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=${today}&days=14`)).json()) as UpcomingBirthdays;
    expect(list.items).toHaveLength(count);
    const rows = birthdayRows(list.items);
    const days = rows.flatMap((r) => (r.kind === "day" ? [r.day] : []));
    // Calendar order, each day once, all within the 14 days.
    expect(days).toEqual([...days].sort());
    expect(new Set(days).size).toBe(days.length);
    expect(days.every((d) => d >= today && d <= addCalendarDays(today, 13))).toBe(true);
    // The page holds the first screenful of those rows (the rest come as the list scrolls), in
    // that order, each saying its place among them all.
    const inPage = [...document.querySelectorAll(".birthday-days > li")];
    expect(rows.length).toBeGreaterThan(60);
    expect(inPage.length).toBeGreaterThan(5);
    expect(inPage.length).toBeLessThan(40);
    const tomorrow = addCalendarDays(today, 1);
    // Today and tomorrow are named as such; every heading says its day; each player is there.
    const described = (row: BirthdayRow, i: number) => ({
      place: String(i + 1),
      of: String(rows.length),
      says: row.kind === "person" ? row.item.user.conversationId : `${row.day === today ? "Today · " : row.day === tomorrow ? "Tomorrow · " : ""}${longDay(row.day)}`,
    });
    const shown = inPage.map((li) => ({
      place: li.getAttribute("aria-posinset"),
      of: li.getAttribute("aria-setsize"),
      says: li.classList.contains("birthday-person") ? li.querySelector("code")?.textContent : within(li as HTMLElement).getByRole("heading", { level: 2 }).textContent!.split(" · ").slice(0, -1).join(" · "),
    }));
    expect(shown).toEqual(rows.slice(0, inPage.length).map(described));
    expect(screen.getByText(/^Read from the \w+( and \w+)? birthday lists?: \d+ pages?, \d+ calls? to the Dynamo API\.$/)).toBeInTheDocument();
    const name = `vip-birthdays-ws_aurora-ch_aurora_messenger-${today}_to_${addCalendarDays(today, 13)}.csv`;
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await screen.findByText(`Downloaded ${count.toLocaleString("en-US")} rows as ${name}`);
    expect(triggerDownload).toHaveBeenCalledWith(expect.stringMatching(/^\/api\/downloads\//), name);
  });

  it("a long range shows its first day while the rest is on its way, then the whole range", async () => {
    const today = utcToday();
    const gate = "workspaceId=ws_aurora&mediumId=ch_aurora_messenger";
    const firstDay = ((await (await server.stack.api(`/api/birthdays/upcoming?${gate}&from=${today}&days=1`)).json()) as UpcomingBirthdays).items.length;
    // The whole range's answer is held until the first day is on screen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      if (typeof input === "string" && input.includes("/birthdays/upcoming") && input.includes("days=30")) await held;
      return realFetch(input, init);
    };
    try {
      renderApp(`${MAIN}&range=30`);
      await waitFor(() => expect(document.querySelectorAll(".birthday-person").length > 0).toBe(firstDay > 0), { timeout: 8000 });
      expect(screen.queryByText("Loading the rest of the 30 days…") !== null).toBe(firstDay > 0);
      // The export waits for the whole list: it would otherwise name fewer rows than it writes.
      expect(screen.getByRole("button", { name: "Export CSV" })).toBeDisabled();
      release();
      await screen.findByText(/ birthdays from /, {}, { timeout: 8000 });
      expect(screen.queryByText("Loading the rest of the 30 days…")).toBeNull();
    } finally {
      release();
      globalThis.fetch = realFetch;
    }
  });

  it("a day whose month is longer than a page shows the top of its list first, says so, then all of it", async () => {
    const today = utcToday();
    // About 700 birthdays a month on this channel: the vendor's pages hold 500.
    const gate = "workspaceId=ws_skyforge&mediumId=ch_skyforge_app";
    const preview = (await (await server.stack.api(`/api/birthdays/upcoming?${gate}&from=${today}&days=1&firstPage=true`)).json()) as UpcomingBirthdays;
    const whole = (await (await server.stack.api(`/api/birthdays/upcoming?${gate}&from=${today}&days=1`)).json()) as UpcomingBirthdays;
    expect(preview.scan.complete).toBe(false);
    expect(preview.items.length).toBeGreaterThan(0);
    expect(whole.items.length).toBeGreaterThan(preview.items.length);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      if (typeof input === "string" && input.includes("/birthdays/upcoming") && !input.includes("firstPage")) await held;
      return realFetch(input, init);
    };
    try {
      renderApp("/birthdays?ws=ws_skyforge&ch=ch_skyforge_app&range=today");
      const count = (n: number) => `${n.toLocaleString("en-US")} birthday${n === 1 ? "" : "s"}`;
      await screen.findByText(new RegExp(`^Loading birthdays… the first ${count(preview.items.length)} on .* so far\\.`), {}, { timeout: 8000 });
      expect(screen.getByText("Loading the rest of the day…")).toBeInTheDocument();
      // The rows shown are the top of the day's whole list.
      const shown = [...document.querySelectorAll(".birthday-person")].length;
      expect(shown).toBeGreaterThan(0);
      // Its day's count is a lower bound until the whole day is in.
      expect(screen.getByText(`· at least ${count(preview.items.length)}`)).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Export CSV" })).toBeDisabled();
      release();
      await screen.findByText(new RegExp(`^${count(whole.items.length)} on `), {}, { timeout: 8000 });
      expect(screen.queryByText("Loading the rest of the day…")).toBeNull();
      expect(screen.queryByText(/so far/)).toBeNull();
      expect(screen.getByText(`· ${count(whole.items.length)}`)).toBeInTheDocument();
    } finally {
      release();
      globalThis.fetch = realFetch;
    }
  });

  it("when the rest of a day fails after its preview, keeps the preview, says only that much was read, and Retry brings the rest", async () => {
    const today = utcToday();
    const gate = "workspaceId=ws_skyforge&mediumId=ch_skyforge_app";
    const whole = (await (await server.stack.api(`/api/birthdays/upcoming?${gate}&from=${today}&days=1`)).json()) as UpcomingBirthdays;
    // The month's second page fails, every retry too: the preview (its first page) still reads.
    server.stack.simulator.faults.add({ pathPrefix: "/vip-users", searchIncludes: "offset=500", status: 500, times: 1_000 });
    const { user } = renderApp("/birthdays?ws=ws_skyforge&ch=ch_skyforge_app&range=today");
    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeInTheDocument();
    expect(screen.getByText(/^Only the first [\d,]+ birthdays? on .* could be read\./)).toBeInTheDocument();
    expect(screen.getByText(/· at least [\d,]+ birthdays?/)).toBeInTheDocument();
    expect(document.querySelectorAll(".birthday-person").length).toBeGreaterThan(0);
    expect(screen.queryByText(/^Loading/)).toBeNull();
    server.stack.simulator.faults.clear();
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    const count = `${whole.items.length.toLocaleString("en-US")} birthday${whole.items.length === 1 ? "" : "s"}`;
    await screen.findByText(new RegExp(`^${count} on `), {}, { timeout: 8000 });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("finds a player by user name, name or conversation id within the list, accents aside", async () => {
    const { user } = renderApp(`${MAIN}&range=30`);
    const today = utcToday();
    await screen.findByText(/ birthdays from /);
    const list = (await (await server.stack.api(`/api/birthdays/upcoming?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=${today}&days=30`)).json()) as UpcomingBirthdays;
    // Someone far down the list, out of the page until found.
    const far = list.items[list.items.length - 3]!;
    expect(screen.queryByText(far.user.conversationId)).toBeNull();
    const search = screen.getByRole("searchbox", { name: "Find a player" });
    await user.type(search, far.user.conversationId);
    await screen.findByText(`1 of ${list.items.length.toLocaleString("en-US")} birthdays match “${far.user.conversationId}”.`);
    expect(screen.getByText(far.user.conversationId)).toBeInTheDocument();
    expect(document.querySelectorAll(".birthday-person")).toHaveLength(1);
    await user.clear(search);
    await user.type(search, "zzqx nobody");
    await screen.findByText("No birthday here matches “zzqx nobody”.");
    // A name with an accent is found without typing it.
    const strip = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    // The demo's Latin names include Chloé, Zoë, Seán, Sofía, João…: a month of birthdays has some.
    const accented = list.items.find((i) => i.user.firstName && strip(i.user.firstName) !== i.user.firstName.toLowerCase());
    expect(accented).toBeDefined();
    const plain = strip(accented!.user.firstName!);
    await user.clear(search);
    await user.type(search, plain);
    await screen.findByText(new RegExp(`^[\\d,]+ of [\\d,]+ birthdays match “${plain}”\\.$`));
    expect(screen.getAllByText(accented!.user.firstName!, { exact: false }).length).toBeGreaterThan(0);
  });

  it("says when 29 February is celebrated on the 28th, and that an age is not known", async () => {
    const res = await server.stack.api("/api/birthdays/upcoming?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=2027-02-27&days=3");
    const list = (await res.json()) as UpcomingBirthdays;
    // The 28th alone: a screenful, all in the page.
    const onThe28th = list.items.filter((i) => i.on === "2027-02-28");
    render(<BirthdayList items={onThe28th} today="2027-02-27" now={Date.parse("2027-02-27T10:00:00Z")} busy={false} />);
    expect(screen.getByRole("heading", { level: 2, name: /^Tomorrow · Sunday, February 28 · / })).toBeInTheDocument();
    const moved = screen.getAllByText("Born on 29 February: celebrated on 28 February this year");
    expect(moved).toHaveLength(onThe28th.filter((i) => i.leapDayMoved).length);
    expect(moved.length).toBeGreaterThan(0);
    // The demo's 29 February births have no year: no age is made up.
    expect(within(moved[0]!.closest("li")!).getByText("Age not known")).toBeInTheDocument();
    const known = onThe28th.find((i) => i.turns !== null)!;
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
