import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, openBrowserForFile, snap } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const GATE = "ws=ws_aurora&ch=ch_aurora_messenger";

interface AxeFinding {
  id: string;
  impact: string | null;
  nodes: { target: string[]; any: { message: string }[] }[];
}

// axe cannot see the background under SVG text (chart ticks); those colours are theme
// variables checked by the palette test instead.
const inSvg = (target: string) => /(^|[ >])(svg|text|tspan)\b|recharts/.test(target);

/**
 * axe-core over the whole page, WCAG 2.1 A/AA and best practices. Violations must be none;
 * "needs review" items must be none too, except colour contrast over the charts' SVG (axe
 * cannot compute a background under SVG shapes; the palette test checks those colours).
 */
async function audit(page: Page): Promise<string[]> {
  // Sticky headers cover the rows axe scrolls under them ("background could not be determined");
  // pinned in place, every text's background is there to measure.
  await page.addStyleTag({ content: ".app-header, .data-table th { position: static !important; }" });
  await page.evaluate(AXE);
  const result = (await page.evaluate(`axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    resultTypes: ["violations", "incomplete"],
  })`)) as { violations: AxeFinding[]; incomplete: AxeFinding[] };
  const describe = (kind: string) => (f: AxeFinding) =>
    `${kind} ${f.id}: ${f.nodes.map((n) => `${n.target.join(" ")} (${n.any[0]?.message ?? ""})`).slice(0, 3).join(", ")}`;
  const review: AxeFinding[] = [];
  for (const finding of result.incomplete) {
    if (finding.id !== "color-contrast") {
      review.push(finding);
      continue;
    }
    // Text clipped by a scrolling box cannot be measured where it is: bring each into view and
    // measure it there; what still cannot be measured is reported.
    const unresolved = [];
    for (const node of finding.nodes.filter((n) => !inSvg(n.target.join(" ")))) {
      const selector = JSON.stringify(node.target[0]);
      const again = (await page.evaluate(`(async () => {
        document.querySelector(${selector}).scrollIntoView({ block: "center", inline: "center" });
        const r = await axe.run(document.querySelector(${selector}), { runOnly: ["color-contrast"], resultTypes: ["violations", "incomplete"] });
        return { violations: r.violations.length, incomplete: r.incomplete.length };
      })()`)) as { violations: number; incomplete: number };
      if (again.violations + again.incomplete > 0) unresolved.push(node);
    }
    if (unresolved.length > 0) review.push({ ...finding, nodes: unresolved });
  }
  return [...result.violations.map(describe("violation")), ...review.map(describe("needs review"))];
}

const VIEWS: [string, string, string | undefined][] = [
  ["VIP users", `/users?${GATE}`, "table"],
  ["Upcoming birthdays", `/birthdays?${GATE}&range=14`, ".birthday-person"],
  ["Labels, per label", `/labels?${GATE}`, "[data-bar]"],
  ["Labels, stacked tags", `/labels?${GATE}&show=stack&granularity=week`, "[data-bar]"],
  ["Labels, table", `/labels?${GATE}&show=table`, "table"],
  ["a bar's messages", `/labels?${GATE}&drill=frustrated:${new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10)}`, ".messages li"],
  ["Messages", `/messages?${GATE}&from=${new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10)}`, ".virtual-messages li"],
  ["Audit log", `/audit?${GATE}`, "h1"],
  ["Access", `/access?${GATE}`, ".grant-form"],
  ["Notifications", `/notifications?${GATE}`, ".notify-form"],
  ["Notifications, a new alert", `/notifications?${GATE}&new=alert`, ".notify-form"],
];

describeInBrowser("accessibility: axe finds nothing on any view, light or dark", () => {
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server?.stop());

  for (const scheme of ["light", "dark"] as const) {
    it(`every view in ${scheme} mode`, async () => {
      const page = await browser.newPage({ colorScheme: scheme, bypassCSP: true });
      const found: string[] = [];
      for (const [name, path, ready] of VIEWS) {
        await page.goto(`${server.url}${path}`);
        if (ready) await page.locator(ready).first().waitFor();
        expect(await page.evaluate("document.documentElement.dataset.theme")).toBe(scheme);
        if (scheme === "dark" && name === "Labels, per label") await snap(page, "dark-labels");
        if (scheme === "dark" && name === "a bar's messages") await snap(page, "dark-drill-down");
        found.push(...(await audit(page)).map((f) => `${name}: ${f}`));
      }
      expect(found).toEqual([]);
    });
  }

  it("the notice for a link naming an unknown workspace", async () => {
    // A link's ids are used at once, alongside the lists that tell whether they exist, so an
    // unknown workspace costs one refused request, which the browser logs.
    browser.allowFailedResponses([404]);
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${server.url}/users?ws=ws_nope&ch=ch_nope`);
    await page.getByRole("heading", { name: /^This link names a workspace/ }).waitFor();
    expect(await audit(page)).toEqual([]);
  });

  it("dark mode follows the system unless the reader picks a theme, which is remembered", async () => {
    const page = await browser.newPage({ colorScheme: "light" });
    await page.goto(`${server.url}/users?${GATE}`);
    const theme = () => page.evaluate("document.documentElement.dataset.theme");
    await expect.poll(theme).toBe("light");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(theme).toBe("dark");
    await page.getByRole("combobox", { name: "Colour theme" }).selectOption("light");
    expect(await theme()).toBe("light");
    await page.reload();
    await page.getByRole("combobox", { name: "Colour theme" }).waitFor();
    expect(await theme()).toBe("light");
    expect(await page.getByRole("combobox", { name: "Colour theme" }).inputValue()).toBe("light");
  });
});
