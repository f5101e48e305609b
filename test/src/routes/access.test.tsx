import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createGrantStore } from "../../../server/access/grant-store";
import { startProxyStack, type ProxyStack } from "../../helpers/proxy-stack";
import { preloadViewsForFile, renderApp, serveApiForFile } from "../../helpers/render-app";

/**
 * The Access view where the team has moved its admins from the policy file to the page: the
 * file grants a viewer only, and the one admin of every workspace is a grant in the database.
 */
let person = "chief@studio.test";
const server: ProxyStack = serveApiForFile(async () => {
  const stack = await startProxyStack({}, [{ email: "viewer@studio.test", workspace: "ws_aurora", role: "viewer" }]);
  // Made as the file's admins once did, before the file lost them.
  const store = createGrantStore(stack.stack.dashboard.database.db, undefined);
  await store.create({ email: "chief@studio.test", group: null, workspaceId: "*", role: "admin" }, { email: null, groups: [] }, "setup", async () => undefined);
  return stack;
}, () => server.as(person));
preloadViewsForFile();
const MAIN = "ws=ws_aurora&ch=ch_aurora_messenger";

describe("the Access view", () => {
  it("refuses, with the reason and before sending anything, to remove or demote the last admin; once another admin is granted (after a confirmation), it may", async () => {
    const sent: string[] = [];
    const fetchBefore = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      if (init?.method && init.method !== "GET") sent.push(`${init.method} ${String(input)}`);
      return fetchBefore(input, init);
    };
    try {
      const { user } = renderApp(`/access?${MAIN}`);
      const table = await screen.findByRole("table", {}, { timeout: 8000 });
      const mine = within(table).getByRole("row", { name: /^chief@studio\.test Every workspace/ });
      // The policy file's grant is listed read-only (once the workspaces' names have arrived).
      expect(await within(table).findByRole("row", { name: /viewer@studio\.test Aurora Games viewer the policy file \(read-only here\)/ })).toBeInTheDocument();

      await user.click(within(mine).getByRole("button", { name: "Revoke chief@studio.test in Every workspace" }));
      expect(await screen.findByRole("alert")).toHaveTextContent("This is the last admin of every workspace and cannot be removed: make someone else an admin of every workspace first, so someone can still grant access.");
      await user.selectOptions(within(mine).getByRole("combobox", { name: "Role of chief@studio.test in Every workspace" }), "viewer");
      expect(await screen.findByRole("alert")).toHaveTextContent("This is the last admin of every workspace and cannot be demoted");
      expect(sent).toEqual([]);

      // A second admin of every workspace: asked first, with what it allows.
      const form = screen.getByRole("form", { name: "Grant access" });
      // Least privilege: one workspace is chosen, never "every workspace" unless picked.
      const where = within(form).getByLabelText<HTMLSelectElement>("Where");
      await waitFor(() => expect(where.options.length).toBeGreaterThan(1));
      expect(where.value).not.toBe("*");
      await user.type(within(form).getByLabelText("E-mail address (as they sign in)"), "deputy@studio.test");
      await user.selectOptions(within(form).getByLabelText("Where"), "Every workspace");
      await user.click(within(form).getByRole("radio", { name: /^admin/ }));
      await user.click(within(form).getByRole("button", { name: "Grant admin" }));
      const confirm = within(form).getByRole("group", { name: "Confirm admin for deputy@studio.test" });
      expect(confirm).toHaveTextContent("grants and revokes everyone's access there");
      expect(sent).toEqual([]);
      await user.click(within(confirm).getByRole("button", { name: "Yes, make them admin" }));
      expect(await screen.findByText("deputy@studio.test is now an admin in Every workspace.")).toBeInTheDocument();
      await within(table).findByRole("row", { name: /^deputy@studio\.test Every workspace/ });

      // Now the chief may step down to analyst (no confirmation: it gives less).
      await user.selectOptions(within(mine).getByRole("combobox", { name: "Role of chief@studio.test in Every workspace" }), "analyst");
      expect(await screen.findByText("chief@studio.test is now an analyst in Every workspace.")).toBeInTheDocument();
      expect(sent.map((s) => s.replace(/[0-9a-f-]{36}/, "{id}"))).toEqual(["POST /api/grants", "PATCH /api/grants/{id}"]);
    } finally {
      globalThis.fetch = fetchBefore;
    }
  });

  it("is for admins: anyone else is told it needs the admin role, and the view is not in the navigation", async () => {
    person = "viewer@studio.test";
    renderApp(`/access?${MAIN}`);
    expect(await screen.findByText("Managing access is for admins", {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /^Access/ })).toBeNull();
  });
});
