import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Accessible-name queries over a chart's few hundred SVG bars are slow in jsdom, more so when
// the whole suite shares two cores: give findBy*/waitFor room rather than flake.
configure({ asyncUtilTimeout: 5000 });

// jsdom lays nothing out, so a virtual list would measure its box as 0 px and show no row. Its
// scroll box reads as a screenful here and each of its rows as a row's height: the list shows
// what a browser shows at first, a screenful, neither nothing nor everything.
const VIRTUAL_BOX = ".virtual-birthdays, .virtual-messages";
Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get(this: HTMLElement) { return this.matches(VIRTUAL_BOX) ? 700 : 0; } });
Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get(this: HTMLElement) { return this.matches(VIRTUAL_BOX) ? 800 : 0; } });
Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get(this: HTMLElement) { return this.hasAttribute("data-index") && this.closest(VIRTUAL_BOX) ? 64 : 0; } });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
