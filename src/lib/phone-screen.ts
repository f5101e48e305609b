/**
 * The phone layout's breakpoint: styles.css's `@media (max-width: 640px)` says the same, so a
 * script asks the browser which layout it drew rather than measuring the page for it.
 */
export const PHONE_SCREEN = "(max-width: 640px)";

/** Whether the phone layout applies (false where there is no window to ask, as in tests without one). */
export const isPhoneScreen = (): boolean => typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(PHONE_SCREEN).matches;
