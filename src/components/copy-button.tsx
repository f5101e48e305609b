import { useState } from "react";

export const CopyIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
  </svg>
);
export const CheckIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
    <path d="M3 8.5l3 3 7-7" />
  </svg>
);

/** Copies text to the clipboard and says how it went, for a moment ("idle" again after `ms`). */
export function useCopy(ms = 1500) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), ms);
  };
  return { state, copy };
}

/** Shows a value in monospace with a button that copies it, and says when it did. */
export function CopyValue({ value, label }: { value: string; label: string }) {
  const { state, copy: copyText } = useCopy();
  const copy = () => copyText(value);
  return (
    <span className="copy-value">
      <code title={value}>{value}</code>
      <button type="button" className="icon-button" onClick={copy} aria-label={`Copy ${label} ${value}`}>
        {state === "copied" ? <CheckIcon /> : <CopyIcon />}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? `${label} copied` : state === "failed" ? "Copy failed" : ""}
      </span>
    </span>
  );
}
