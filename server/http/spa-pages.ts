import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** What the build writes beside index.html (vite.config.ts, routePreloads): a view's path → its chunks. */
const RoutePreloads = z.record(z.string().regex(/^\/[a-z-]+$/), z.array(z.string().regex(/^assets\/[\w.-]+\.js$/)));

/**
 * index.html as answered for a path: for a lazy view's path (`/birthdays`, `/labels/…`), with
 * `<link rel="modulepreload">` for that view's chunks, so a first visit fetches them beside the
 * app's own code. Read once per build (a rebuild changes index.html's time); a build without
 * route-preloads.json, or one this cannot read, serves index.html as it is.
 */
export function createSpaPages(distDir: string) {
  const index = join(distDir, "index.html");
  let built: { mtimeMs: number; html: string; preloads: Record<string, string[]> } | undefined;
  const pages = new Map<string, SpaPage>();

  function current() {
    try {
      const { mtimeMs } = statSync(index);
      if (built?.mtimeMs !== mtimeMs) {
        pages.clear();
        built = { mtimeMs, html: readFileSync(index, "utf8"), preloads: readPreloads(distDir) };
      }
      return built;
    } catch {
      // Not built, or between a rebuild's emptying the folder and its writing index.html.
      return undefined;
    }
  }

  return {
    /** The page for a request's path; undefined when the SPA is not built. */
    pageFor(path: string): SpaPage | undefined {
      const build = current();
      if (!build) return undefined;
      const segment = `/${path.split("/")[1] ?? ""}`;
      const view = Object.hasOwn(build.preloads, segment) && build.html.includes("</head>") ? segment : "";
      let page = pages.get(view);
      if (page === undefined) {
        const links = (build.preloads[view] ?? []).map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">\n`).join("");
        const html = links ? build.html.replace("</head>", () => `${links}  </head>`) : build.html;
        page = { html, etag: `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"` };
        pages.set(view, page);
      }
      return page;
    },
  };
}

/** A page and its entity tag, so a browser revalidating it (index.html is never cached) gets a 304. */
export interface SpaPage {
  html: string;
  etag: string;
}

function readPreloads(distDir: string): Record<string, string[]> {
  try {
    const parsed = RoutePreloads.safeParse(JSON.parse(readFileSync(join(distDir, "route-preloads.json"), "utf8")));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
