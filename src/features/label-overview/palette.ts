/**
 * Label colours live in styles.css as `--label-0` … `--label-15`, one set per theme: the
 * Okabe–Ito set (distinguishable under the common forms of colour blindness) then Paul Tol's
 * muted scheme, each shifted in lightness only as far as needed for 3:1 contrast (WCAG 1.4.11,
 * graphics) against the chart's background, darker in the light theme and lighter in the dark
 * one (test/src/features/label-overview/palette.test.ts checks it). A label's colour follows its
 * place in the overview's order, so it keeps its colour when others are hidden. SVG shapes take
 * them through `style` (presentation attributes do not read CSS variables).
 */
export const LABEL_COLOUR_COUNT = 16;

export const colourFor = (index: number): string => `var(--label-${index % LABEL_COLOUR_COUNT})`;
