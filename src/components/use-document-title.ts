import { useEffect } from "react";

/**
 * The tab's title for a view and its state, most specific first ("Labels · Aurora Games ·
 * Oct 25–Nov 23"), so tabs, history and a screen reader's page announcement tell views apart.
 */
export function useDocumentTitle(parts: readonly (string | undefined | false)[] | undefined) {
  // `undefined`: a child view sets the title (a parent's effect would run after it and win).
  const title = parts && [...parts.filter(Boolean), "Dynamo VIP"].join(" · ");
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
