import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./test/e2e/chromium";
const [url, out, w, h, action] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const touch = Number(w) < 500;
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) }, hasTouch: touch, isMobile: touch, colorScheme: process.env.DARK ? "dark" : "light" });
p.on("console", (m) => console.log("console", m.type(), m.text()));
await p.goto(url);
await p.waitForTimeout(2500);
if (action) { const [kind, sel, nth] = action.split("|"); const loc = p.locator(sel).nth(Number(nth ?? 0)); if (kind === "hover") await loc.hover(); else if (kind === "tap") await loc.tap(); else if (kind === "click") await loc.click(); else if (kind === "focus") await loc.focus(); await p.waitForTimeout(600); }
await p.screenshot({ path: out, fullPage: process.env.FULL === "1" });
await b.close();
