import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterAll, beforeAll } from "vitest";
import { createQueryClient } from "../../src/app/query-client";
import { appRoutes } from "../../src/app/router";
import { startStack, type Stack } from "./stack";

/**
 * Starts a real dashboard server (live mode, against a real simulator) for this test file, and
 * points the app's relative /api calls at it: jsdom has no server of its own to resolve them.
 */
export function serveRealApiForFile(env: Record<string, string> = {}) {
  return serveApiForFile(async () => {
    const stack = await startStack({ env });
    return { stack, close: () => stack.close() };
  });
}

/**
 * The same for any stack (e.g. behind an emulated sign-in proxy): `headers` adds what the
 * browser's requests carry on the way (the proxy's identity assertion).
 */
export function serveApiForFile<T extends { stack: Stack; close(): Promise<void> }>(
  start: () => Promise<T>,
  headers: () => Promise<Record<string, string>> | Record<string, string> = () => ({}),
) {
  const handle = {} as T;
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    Object.assign(handle, await start());
    const base = handle.stack.dashboard.url;
    // Relative URLs go to the real server, with the Origin a browser adds to a page's POST, PATCH or DELETE.
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (typeof input !== "string" || !input.startsWith("/")) return realFetch(input, init);
      const merged = new Headers(init?.headers);
      for (const [name, value] of Object.entries(await headers())) merged.set(name, value);
      if (init?.method && init.method !== "GET") merged.set("origin", base);
      return realFetch(`${base}${input}`, { ...init, headers: merged });
    };
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await handle.close();
  });
  return handle;
}

/**
 * Loads the lazily split views before a file's tests move between them: the first click on
 * a tab would otherwise wait for that view's code to be transformed, which on a loaded machine
 * can outlast a query's timeout and fail a test that has nothing to do with loading code.
 */
export function preloadViewsForFile() {
  beforeAll(async () => {
    await Promise.all([
      import("../../src/routes/birthdays-route"),
      import("../../src/routes/labels-route"),
      import("../../src/routes/messages-route"),
      import("../../src/routes/notifications-route"),
      import("../../src/routes/audit-route"),
      import("../../src/routes/access-route"),
    ]);
  }, 60_000);
}

/** Renders the whole app (shell, routes, queries) at `path`, in a memory router. */
export function renderApp(path: string) {
  const client = createQueryClient();
  const router = createMemoryRouter(appRoutes(client), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const search = () => new URLSearchParams(router.state.location.search);
  return { ...view, router, user, search };
}
