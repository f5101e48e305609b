import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { LabelOverview } from "#contract/responses";
import { parseCsv } from "../../helpers/csv";
import { renderApp, serveRealApiForFile } from "../../helpers/render-app";
import { calcPath, openInCalc } from "../../helpers/spreadsheet-engine";

vi.mock("../../../src/lib/download", () => ({
  triggerDownload: vi.fn<(url: string, filename: string) => void>(),
  downloadText: vi.fn<(text: string, filename: string) => void>(),
}));
const { downloadText } = await import("../../../src/lib/download");

const server = serveRealApiForFile();
/** The last table file downloaded, for the spreadsheet's look at it. */
let latest: { text: string; rows: number; all: number } | undefined;
const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);

describe("the Labels table", () => {
  it("downloads exactly what it shows: every period, the shown labels as shares, all VIP messages; a spreadsheet reads it so", async () => {
    const [from, to] = [day(13), day(1)];
    const { user } = renderApp(`/labels?ws=ws_aurora&ch=ch_aurora_messenger&from=${from}&to=${to}&show=table&hide=praise`);
    const table = await screen.findByRole("table", { name: /per UTC day, as a share/ }, { timeout: 8000 });
    await user.click(screen.getByRole("button", { name: "Download this table (CSV)" }));
    const [text, filename] = vi.mocked(downloadText).mock.calls.at(-1)!;
    expect(filename).toBe(`vip-labels-ws_aurora-ch_aurora_messenger-${from}_to_${to}-day-share.csv`);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text.slice(1));
    const overview = (await (await server.stack.api(`/api/vip-labels/overview?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=${from}&to=${to}`)).json()) as LabelOverview;
    expect(rows).toHaveLength(overview.buckets.length + 1);
    expect(rows[0]![0]).toBe("Day (UTC)");
    expect(rows[0]).toContain("Frustrated (% of VIP messages)");
    expect(rows[0]!.some((h) => h.startsWith("Praise"))).toBe(false);
    const frustrated = rows[0]!.indexOf("Frustrated (% of VIP messages)");
    const all = rows[0]!.indexOf("All VIP messages");
    for (const [i, bucket] of overview.buckets.entries()) {
      const activity = overview.activity.find((a) => a.bucket === bucket)?.count ?? 0;
      const count = overview.rows.find((r) => r.bucket === bucket && r.label === "frustrated")?.count ?? 0;
      expect(rows[i + 1]![0]).toBe(bucket);
      expect(rows[i + 1]![all]).toBe(String(activity));
      expect(rows[i + 1]![frustrated]).toBe(((count / activity) * 100).toFixed(1));
    }
    // The same number the page shows in that cell.
    const shown = within(table).getAllByRole("row")[1]!.querySelectorAll("td")[0]!.textContent!;
    expect(shown.replace("%", "")).toBe(rows[1]![2]);
    latest = { text, rows: rows.length, all };
  });

  it.skipIf(!calcPath())("the same file opens in a real spreadsheet: periods as dates, counts as numbers", async () => {
    const sheet = await openInCalc(new TextEncoder().encode(latest!.text));
    expect(sheet).toHaveLength(latest!.rows);
    expect(sheet.slice(1).every((cells) => cells[0]!.type === "date" && cells[latest!.all]!.type === "float")).toBe(true);
    expect(sheet.flat().filter((cell) => cell.formula)).toEqual([]);
  });

  it("a window that has not begun says so, rather than 'no messages'", async () => {
    renderApp(`/labels?ws=ws_aurora&ch=ch_aurora_messenger&from=${day(-5)}&to=${day(-10)}`);
    expect(await screen.findByText("This window is in the future", {}, { timeout: 8000 })).toBeInTheDocument();
  });
});
