import { describe, expect, it, vi } from "vitest";
import { CSV_URL_TTL_MS } from "#contract/assumptions";
import type { VipUsersPage } from "#contract/responses";
import type { ExportAnswer } from "#contract/dashboard-api";
import { parseCsv } from "../../helpers/csv";
import { MAIN } from "../../helpers/stack";
import { stackForFile } from "../../helpers/for-file";

const stack = stackForFile();

async function exportOf(path: string) {
  const res = await stack.post(path);
  expect(res.status).toBe(200);
  return (await res.json()) as ExportAnswer;
}

describe("CSV exports", () => {
  it("answers a same-origin link that streams the users CSV with a meaningful name", async () => {
    const answer = await exportOf(`/api/vip-users/export?${MAIN}&birthdayMonth=3`);
    expect(answer.downloadUrl).toMatch(/^\/api\/downloads\/[\w-]{43}$/);
    expect(answer.filename).toMatch(/^vip-users-ws_aurora-ch_aurora_messenger-birthday-month-03-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await stack.api(answer.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toContain(`filename="${answer.filename}"`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A UTF-8 byte order mark first, so a spreadsheet reads "Müller" and "毎回" right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual([
      "Conversation ID", "Player", "First name", "Last name", "CUID", "Profile picture", "Birthday (month-day)",
      "Birth year", "Last purchase (UTC)", "Last message (UTC)", "Last app open (UTC)",
    ]);
    expect(rows.length - 1).toBe(answer.totalCount);
    const list = (await (await stack.api(`/api/vip-users?${MAIN}&birthdayMonth=3&limit=1`)).json()) as VipUsersPage;
    expect(answer.totalCount).toBe(list.total);
    // A birthday is its day and its year; a year not known is an empty year, no apostrophe.
    expect(rows.slice(1).every((r) => /^03-\d{2}$/.test(r[6]!) && /^(\d{4})?$/.test(r[7]!))).toBe(true);
    expect(rows.slice(1).some((r) => r[7] === "")).toBe(true);
    expect(rows.slice(1).some((r) => r[7] !== "")).toBe(true);
    // Times are UTC date-times a spreadsheet reads as dates (or empty when unknown), never epoch milliseconds.
    const times = rows.slice(1).flatMap((r) => r.slice(8, 11));
    expect(times.every((t) => t === "" || /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t))).toBe(true);
    expect(times.some((t) => t === "")).toBe(true);
    // Without the mark when asked.
    const bare = new Uint8Array(await (await stack.api(`${answer.downloadUrl}?bom=0`)).arrayBuffer());
    expect(new TextDecoder().decode(bare.slice(0, 15))).toBe("Conversation ID");
    expect((await stack.api(`${answer.downloadUrl}?bom=yes`)).status).toBe(400);
  });

  it("exports messages with quoted text, one column of label names and the same count as the list", async () => {
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const answer = await exportOf(`/api/vip-messages/export?${MAIN}&from=${day}&to=${day}&label=frustrated`);
    expect(answer.filename).toBe(`vip-messages-ws_aurora-ch_aurora_messenger-frustrated-${day}.csv`);
    const rows = parseCsv((await (await stack.api(answer.downloadUrl)).text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([
      "Sent (UTC)", "Conversation ID", "Player", "Kind", "Source", "AI labels", "Message",
    ]);
    expect(rows.length - 1).toBe(answer.totalCount);
    expect(answer.totalCount).toBeGreaterThan(10);
    expect(rows.slice(1).every((r) => new RegExp(`^${day} \\d{2}:\\d{2}:\\d{2}$`).test(r[0]!))).toBe(true);
    // Built-in and custom AI labels by the names the page shows, in one column; no id left.
    expect(rows.slice(1).every((r) => r[5]!.split(", ").includes("Frustrated"))).toBe(true);
    expect(rows.slice(1).some((r) => r[5]!.split(", ").length > 1)).toBe(true);
    expect(rows.slice(1).flatMap((r) => r[5]!.split(", ")).filter((name) => /^cl_|_/.test(name))).toEqual([]);
    expect(rows.slice(1).every((r) => r.length === 7)).toBe(true);
  });

  it("neutralizes what a spreadsheet would run as a formula, streaming a week of messages", async () => {
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const answer = await exportOf(`/api/vip-messages/export?${MAIN}&from=${day(7)}&to=${day(1)}&label=bug_report`);
    const rows = parseCsv((await (await stack.api(answer.downloadUrl)).text()).replace(/^\uFEFF/, ""));
    expect(rows.length - 1).toBe(answer.totalCount);
    const messages = rows.slice(1).map((r) => r[6]!);
    expect(messages).toContain(`'=HYPERLINK("x") is all the reward mail shows, no link to tap`);
    expect(messages.some((m) => m.startsWith("'+1 same here"))).toBe(true);
    expect(messages.some((m) => m.startsWith("'@support"))).toBe(true);
    // No cell of the file starts a formula.
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r\n]/.test(cell))).toEqual([]);
  });

  it("refuses a tampered link and an expired one with a 4xx", async () => {
    const answer = await exportOf(`/api/vip-users/export?${MAIN}`);
    const token = answer.downloadUrl.replace("/api/downloads/", "");
    const flipped = token[5] === "A" ? "B" : "A";
    const tampered = await stack.api(`/api/downloads/${token.slice(0, 5)}${flipped}${token.slice(6)}`);
    expect(tampered.status).toBe(404);
    expect(((await tampered.json()) as { message: string }).message).toMatch(/not valid/);
    vi.useFakeTimers({ now: Date.now() + CSV_URL_TTL_MS + 1_000, toFake: ["Date"] });
    try {
      const expired = await stack.api(answer.downloadUrl);
      expect(expired.status).toBe(410);
    } finally {
      vi.useRealTimers();
    }
  });

  it("names message exports by the window people read: a day, whole days, or exact instants", async () => {
    const name = async (query: string) => (await exportOf(`/api/vip-messages/export?${MAIN}&${query}`)).filename;
    const prefix = "vip-messages-ws_aurora-ch_aurora_messenger";
    expect(await name("from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z&label=question")).toBe(`${prefix}-question-2026-11-02.csv`);
    expect(await name("from=2026-11-02&to=2026-11-08&contentType=text")).toBe(`${prefix}-text-2026-11-02_to_2026-11-08.csv`);
    expect(await name("from=2026-11-02T10:15:00Z&to=2026-11-02T12:00:00Z")).toBe(`${prefix}-2026-11-02T1015Z_to_2026-11-02T1200Z.csv`);
  });

  it("validates export parameters like the lists", async () => {
    expect((await stack.post(`/api/vip-users/export?${MAIN}&limit=5`)).status).toBe(400);
    expect((await stack.post(`/api/vip-messages/export?${MAIN}&from=2026-01-01&to=2026-03-01`)).status).toBe(400);
  });

  it("streams without buffering: memory stays flat over repeated large downloads", async () => {
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const answer = await exportOf(`/api/vip-messages/export?${MAIN}&from=${from}&to=${new Date().toISOString().slice(0, 10)}`);
    expect(answer.totalCount).toBeGreaterThan(30_000);
    const res = await stack.api(answer.downloadUrl);
    const reader = res.body!.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    expect(bytes).toBeGreaterThan(2_000_000);
  });
});
