import { useLocation } from "react-router-dom";
import { CheckIcon, CopyIcon, useCopy } from "./copy-button";

/**
 * Copies the address of what is on screen: every view keeps its state in the URL, so the link
 * opens the same view, filters and window for a colleague (who still needs their own access).
 */
export function CopyLinkButton() {
  const { state, copy: copyText } = useCopy(2000);
  const { pathname, search } = useLocation();
  const copy = () => copyText(`${window.location.origin}${pathname}${search}`);
  return (
    <span className="copy-link">
      <button type="button" className="button button--secondary button--small" onClick={copy}>
        {state === "copied" ? <CheckIcon /> : <CopyIcon />} <span className="copy-link__words">Copy link</span>
      </button>
      <span className="copy-link__status" aria-live="polite">
        {state === "copied" ? "Link copied" : state === "failed" ? "Could not copy; the address bar has the link" : ""}
      </span>
    </span>
  );
}
