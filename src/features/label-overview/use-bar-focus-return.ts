import { useEffect, useRef } from "react";
import { barId } from "./bar-label";

/**
 * However a bar's drill-down closes (Escape, Close, Back), focus returns to the bar that
 * opened it, once the chart has re-rendered without the dialog.
 */
export function useBarFocusReturn(open: { label: string; bucket: string } | undefined) {
  const last = useRef(open);
  useEffect(() => {
    const previous = last.current;
    last.current = open;
    if (!previous || open) return;
    // Recharts keys bar elements by position and may lay out again after this commit,
    // replacing them: focus once the next frames have settled.
    const selector = `[data-bar="${CSS.escape(barId(previous.label, previous.bucket))}"]`;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => document.querySelector<SVGElement | HTMLElement>(selector)?.focus());
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);
}
