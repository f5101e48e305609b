import { useSyncExternalStore } from "react";

/**
 * The colour theme: the system's (light or dark, following it live) unless the reader picked
 * one, which is kept in local storage. It is applied as data-theme on <html>, where styles.css
 * keeps one set of colour variables per theme.
 */
export type ThemeChoice = "system" | "light" | "dark";
const KEY = "dynamo-vip-theme";
const listeners = new Set<() => void>();
const systemDark = () => typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system"; // storage blocked: follow the system
  }
}

let choice = readChoice();

/** Sets data-theme from the choice (and the system, for "system"); call once at start-up. */
export function applyTheme() {
  const theme = choice === "system" ? (systemDark() ? "dark" : "light") : choice;
  document.documentElement.dataset.theme = theme;
}

export function startTheme() {
  applyTheme();
  if (typeof matchMedia === "function") matchMedia("(prefers-color-scheme: dark)").addEventListener("change", applyTheme);
}

export function setThemeChoice(next: ThemeChoice) {
  choice = next;
  try {
    if (next === "system") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
  } catch {
    // Kept for this visit only.
  }
  applyTheme();
  for (const listener of listeners) listener();
}

export const useThemeChoice = (): ThemeChoice =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => choice,
  );
