import { useState, type ReactNode } from "react";
import { isPhoneScreen } from "../lib/phone-screen";

/**
 * Notes on how to read a chart, behind "How to read this": open on a wide screen, where they
 * sit beside the chart's controls; folded on a phone, where they would push the first chart a
 * screen down. The reader's choice holds while the view is open.
 */
export function HowToRead({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(() => !isPhoneScreen());
  return (
    <details className="how-to-read" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>How to read this</summary>
      <div className="how-to-read__body">{children}</div>
    </details>
  );
}
