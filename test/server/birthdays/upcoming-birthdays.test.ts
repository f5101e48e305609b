import { describe, expect, it } from "vitest";
import type { ExportAnswer, UpcomingBirthdays } from "#contract/dashboard-api";
import { expectedBirthdays, peopleWithBirthdays } from "../../helpers/birthday-reference";
import { parseCsv } from "../../helpers/csv";
import { stackForFile } from "../../helpers/for-file";
import { CAPPED, MAIN } from "../../helpers/stack";

// The cache on, as in production: the second look at a list must cost no call.
const stack = stackForFile({ env: { CACHE_TTL_SECONDS: "60" } });

/** The users CSV of a channel, every row with a birthday: the reference a list is checked against. */
async function everyoneWithABirthday(gate: string): Promise<{ id: string; birthday: string }[]> {
  const answer = (await (await stack.post(`/api/vip-users/export?${gate}&hasBirthday=true`)).json()) as ExportAnswer;
  return peopleWithBirthdays(parseCsv(await (await stack.api(`${answer.downloadUrl}?bom=0`)).text()));
}

async function listOf(query: string): Promise<UpcomingBirthdays> {
  const res = await stack.api(`/api/birthdays/upcoming?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as UpcomingBirthdays;
}

describe("upcoming birthdays", () => {
  it("lists 30 days across a month and a year end exactly as a scan of the full export does, and exports the same rows", async () => {
    const list = await listOf(`${MAIN}&from=2026-12-20&days=30`);
    expect(list.to).toBe("2027-01-18");
    const expected = expectedBirthdays(await everyoneWithABirthday(MAIN), "2026-12-20", 30);
    expect(expected.length).toBeGreaterThan(100);
    expect(list.items.map((i) => ({ on: i.on, id: i.user.conversationId }))).toEqual(expected);
    expect(list.items.some((i) => i.on.startsWith("2027-01"))).toBe(true);
    // Year-unknown birthdays are on the list, without an age.
    expect(list.items.some((i) => i.user.birthday?.startsWith("--") && i.turns === null)).toBe(true);
    const known = list.items.find((i) => /^\d{4}/.test(i.user.birthday ?? ""))!;
    expect(known.turns).toBe(Number(known.on.slice(0, 4)) - Number(known.user.birthday!.slice(0, 4)));
    expect(list.scan).toMatchObject({ complete: true, months: [{ month: 12, complete: true }, { month: 1, complete: true }] });

    const answer = (await (await stack.post(`/api/birthdays/export?${MAIN}&from=2026-12-20&days=30`)).json()) as ExportAnswer;
    expect(answer.filename).toBe("vip-birthdays-ws_aurora-ch_aurora_messenger-2026-12-20_to_2027-01-18.csv");
    expect(answer.totalCount).toBe(list.items.length);
    const file = await stack.api(answer.downloadUrl);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(rows[0]).toEqual([
      "Birthday on", "Turns", "Note", "Player", "First name", "Last name", "Birthday (month-day)", "Birth year", "Conversation ID", "CUID",
      "Last purchase (UTC)", "Last message (UTC)", "Last app open (UTC)",
    ]);
    expect(rows.slice(1).map((r) => ({ on: r[0], id: r[8] }))).toEqual(expected);
    // Spreadsheet-safe: a year not known is an empty year (no "'--12-24"), times are UTC date-times, no cell starts a formula.
    expect(rows.slice(1).every((r) => /^\d{2}-\d{2}$/.test(r[6]!))).toBe(true);
    expect(rows.slice(1).some((r) => r[7] === "" && r[1] === "")).toBe(true);
    expect(rows.slice(1).flatMap((r) => r.slice(10)).every((t) => t === "" || /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t))).toBe(true);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it("reads every page of a month larger than a page, and a second look costs no call", async () => {
    const query = `${CAPPED}&from=2027-03-25&days=14`;
    const first = await listOf(query);
    // About 700 birthdays a month here, the vendor's pages hold 500: two pages per month.
    expect(first.scan.months.map((m) => m.month)).toEqual([3, 4]);
    expect(first.scan.months.every((m) => m.pages >= 2 && m.players > 500)).toBe(true);
    expect(first.scan.upstreamCalls).toBe(first.scan.pages);
    const expected = expectedBirthdays(await everyoneWithABirthday(CAPPED), "2027-03-25", 14);
    expect(first.items.map((i) => ({ on: i.on, id: i.user.conversationId }))).toEqual(expected);
    const again = await listOf(query);
    expect(again.scan.upstreamCalls).toBe(0);
    expect(again.items).toEqual(first.items);
  });

  it("previews a day from its month's first page, which the whole list then reads from the cache", async () => {
    const day = `${CAPPED}&from=2027-05-03&days=1`;
    const preview = await listOf(`${day}&firstPage=true`);
    expect(preview.scan).toMatchObject({ preview: true, complete: false, pages: 1, upstreamCalls: 1, months: [{ month: 5, pages: 1, complete: false }] });
    const whole = await listOf(day);
    expect(whole.scan.preview).toBeUndefined();
    expect(whole.scan.complete).toBe(true);
    // The whole month's first page was the preview's: one call fewer than its pages.
    expect(whole.scan.upstreamCalls).toBe(whole.scan.pages - 1);
    expect(preview.items.length).toBeGreaterThan(0);
    expect(whole.items.slice(0, preview.items.length)).toEqual(preview.items);
    // An export is always the whole list: it takes no preview.
    const res = await stack.post(`/api/birthdays/export?${day}&firstPage=true`);
    expect(res.status).toBe(400);
  });

  it("celebrates 29 February on 28 February in a common year, and says so", async () => {
    const people = await everyoneWithABirthday(MAIN);
    expect(people.some((p) => p.birthday.endsWith("02-29"))).toBe(true);
    const common = await listOf(`${MAIN}&from=2027-02-28&days=1`);
    const moved = common.items.filter((i) => i.leapDayMoved);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((i) => i.on === "2027-02-28" && i.user.birthday!.endsWith("02-29"))).toBe(true);
    expect(common.items.map((i) => i.user.conversationId)).toEqual(expectedBirthdays(people, "2027-02-28", 1).map((e) => e.id));
    const leap = await listOf(`${MAIN}&from=2028-02-28&days=2`);
    expect(leap.items.filter((i) => i.user.birthday!.endsWith("02-29")).every((i) => i.on === "2028-02-29" && !i.leapDayMoved)).toBe(true);
    const csv = (await (await stack.api((((await (await stack.post(`/api/birthdays/export?${MAIN}&from=2027-02-28&days=1`)).json()) as ExportAnswer).downloadUrl))).text());
    expect(csv).toContain("Born 29 February: celebrated 28 February this year");
  });

  it("refuses a range it cannot read, before calling the Dynamo API", async () => {
    for (const [query, problem] of [
      [`${MAIN}&from=2026-02-30&days=7`, /"from" must be a calendar day/],
      [`${MAIN}&from=2026-12-20T00:00:00Z&days=7`, /"from" must be a calendar day/],
      [`${MAIN}&from=2026-12-20&days=32`, /"days" must be between 1 and 31/],
      [`${MAIN}&from=2026-12-20&days=0`, /"days" must be between 1 and 31/],
      [`${MAIN}&from=2026-12-20`, /"days" is required/],
      [`${MAIN}&from=2026-12-20&days=7&birthdayMonth=12`, /birthdayMonth/],
      [`${MAIN}&from=2026-12-20&days=7&firstPage=yes`, /"firstPage" must be one of "true"/],
    ] as const) {
      const before = stack.simulator.requests.length;
      const res = await stack.api(`/api/birthdays/upcoming?${query}`);
      expect(res.status, `${query}`).toBe(400);
      const body = (await res.json()) as { error: { message: string }[] };
      expect(body.error.map((e) => e.message).join("; ")).toMatch(problem);
      expect(stack.simulator.requests.length).toBe(before);
    }
  });
});
