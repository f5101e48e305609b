import type { Locator } from "playwright-core";

export interface ListedMessage {
  position: number;
  setSize: number;
  time: string;
  text: string;
}

/**
 * Reads every item of a virtual message list by scrolling it from top to bottom a screenful at
 * a time (only what is on screen is ever in the page), keyed by each item's place in the list;
 * also reports the most items the page held at once, to show the DOM stays bounded.
 */
export async function readVirtualList(scroller: Locator): Promise<{ items: ListedMessage[]; mostInPage: number }> {
  return scroller.evaluate(async (element) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen = new Map<number, { position: number; setSize: number; time: string; text: string }>();
    let mostInPage = 0;
    element.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 10_000; guard++) {
      const items = [...element.querySelectorAll("li[aria-posinset]")];
      mostInPage = Math.max(mostInPage, element.querySelectorAll("li").length);
      for (const li of items) {
        const position = Number(li.getAttribute("aria-posinset"));
        seen.set(position, {
          position,
          setSize: Number(li.getAttribute("aria-setsize")),
          time: li.querySelector("time")?.textContent ?? "",
          text: li.textContent ?? "",
        });
      }
      if (element.scrollTop + element.clientHeight >= element.scrollHeight - 1) break;
      element.scrollTop += element.clientHeight * 0.8;
      await frame();
    }
    return { items: [...seen.values()].sort((a, b) => a.position - b.position), mostInPage };
  });
}
