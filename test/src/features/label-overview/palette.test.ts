import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LABEL_COLOUR_COUNT } from "../../../../src/features/label-overview/palette";

/** The colour variables of one theme's block in styles.css. */
function themeVariables(theme: "light" | "dark"): Map<string, string> {
  const css = readFileSync("src/styles.css", "utf8");
  const start = css.indexOf(theme === "light" ? ':root, :root[data-theme="light"] {' : ':root[data-theme="dark"] {');
  const block = css.slice(start, css.indexOf("}", start));
  return new Map([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!]));
}

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe.each(["light", "dark"] as const)("the %s theme's colours", (theme) => {
  const vars = themeVariables(theme);
  const surface = vars.get("--surface")!;

  it("gives every label colour 3:1 against the chart's background (WCAG 1.4.11)", () => {
    for (let i = 0; i < LABEL_COLOUR_COUNT; i++) {
      const colour = vars.get(`--label-${i}`);
      expect(colour, `--label-${i}`).toBeDefined();
      expect(contrast(colour!, surface), `--label-${i} ${colour} on ${surface}`).toBeGreaterThanOrEqual(3);
    }
    expect(contrast(vars.get("--activity")!, surface)).toBeGreaterThanOrEqual(3);
  });

  it("keeps text at 4.5:1 on every background it sits on (WCAG 1.4.3)", () => {
    for (const text of ["--text", "--muted", "--accent", "--danger"]) {
      for (const background of ["--surface", "--bg", "--th-bg", "--partial-row", "--field-bg"]) {
        expect(contrast(vars.get(text)!, vars.get(background)!), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(contrast(vars.get("--on-accent")!, vars.get("--accent")!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(vars.get("--pressed-text")!, vars.get("--pressed-bg")!)).toBeGreaterThanOrEqual(4.5);
  });
});
