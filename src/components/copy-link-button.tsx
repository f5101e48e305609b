import { useState } from "react";
import { useLocation } from "react-router-dom";
import { CheckIcon, CopyIcon } from "./copy-button";

/**
 * Copies the address of what is on screen: every view keeps its state in the URL, so the link
 * opens the same view, filters and window for a colleague (who still needs their own access).
 */
export function CopyLinkButton() {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const { pathname, search } = useLocation();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${window.location.origin}${pathname}${search}`);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <span className="copy-link">
      <button type="button" className="button button--secondary button--small" onClick={copy}>
        {state === "copied" ? <CheckIcon /> : <CopyIcon />} Copy link
      </button>
      <span className="copy-link__status" aria-live="polite">
        {state === "copied" ? "Link copied" : state === "failed" ? "Could not copy; the address bar has the link" : ""}
      </span>
    </span>
  );
}
