import type { ReactNode } from "react";

/**
 * A link seen only when focused, moving focus to the element with id `target` (which needs
 * tabIndex -1). It focuses directly rather than following "#id", so the URL, which holds the
 * view's state, is left as it is.
 */
export function SkipLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <a
      href={`#${target}`}
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {children}
    </a>
  );
}
