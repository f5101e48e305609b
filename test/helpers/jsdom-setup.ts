import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Accessible-name queries over a chart's few hundred SVG bars are slow in jsdom, more so when
// the whole suite shares two cores: give findBy*/waitFor room rather than flake.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
