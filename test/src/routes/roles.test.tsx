import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { startProxyStack, type ProxyStack } from "../../helpers/proxy-stack";
import { preloadViewsForFile, renderApp, serveApiForFile } from "../../helpers/render-app";
import { BAR_NAME } from "../../helpers/bar-name";

/** The SPA behind an (emulated) sign-in proxy: each test picks who the proxy vouches for. */
let person = "viewer@studio.test";
const server: ProxyStack = serveApiForFile(startProxyStack, () => server.as(person));
preloadViewsForFile();
const MAIN = "ws=ws_aurora&ch=ch_aurora_messenger";

describe("what each role sees", () => {
  it("a viewer lands on the labels, and is told whom to ask for players and messages", async () => {
    person = "viewer@studio.test";
    const { user, router } = renderApp("/");
    const bars = await screen.findAllByRole("button", { name: BAR_NAME }, { timeout: 8000 });
    expect(router.state.location.pathname).toBe("/labels");
    // Views the role does not include are shown locked, each saying the role it needs.
    expect(screen.getByRole("link", { name: "Audit (locked: needs the admin role)" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "VIP users (locked: needs the analyst role)" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Labels" })).toBeInTheDocument();
    // The periods of all VIP messages are read, not offered as links to messages they may not read.
    expect(screen.queryAllByRole("link", { name: /^All VIP messages, / })).toHaveLength(0);
    expect(screen.getAllByRole("img", { name: /^All VIP messages, \d{4}-\d{2}-\d{2}: [\d,]+ messages?$/ }).length).toBeGreaterThan(20);
    await user.click(bars.find((b) => !/: 0 messages$/.test(b.getAttribute("aria-label")!))!);
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Reading the messages is not part of your role")).toBeInTheDocument();
    expect(within(dialog).getByText(/Ask ops@studio\.test for access/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    await user.click(screen.getByRole("link", { name: "VIP users (locked: needs the analyst role)" }));
    expect(await screen.findByText("VIP players are not part of your role")).toBeInTheDocument();
    const explained = (_: string, el: Element | null) =>
      el?.tagName === "P" && /needs the analyst role or higher in this workspace; yours is viewer\. Ask ops@studio\.test for access, or ask from here\./.test(el.textContent ?? "");
    expect(screen.getByText(explained)).toBeInTheDocument();
    // And asks from the page: the request names the role the page needs, and says it is waiting.
    await user.click(screen.getByRole("button", { name: "Ask for access" }));
    expect(screen.getByText(/Asks for the/)).toHaveTextContent("Asks for the analyst role in this workspace.");
    await user.type(screen.getByLabelText("Note for the admins (optional)"), "Running the birthday greetings");
    await user.click(screen.getByRole("button", { name: "Send request" }));
    expect(await screen.findByText(/^You asked for the analyst role on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./)).toBeInTheDocument();
  });

  it("events: a viewer reads them and is told whom to ask; an analyst is offered to add them", async () => {
    person = "viewer@studio.test";
    const first = renderApp(`/labels?${MAIN}`);
    await screen.findAllByRole("button", { name: BAR_NAME }, { timeout: 8000 });
    const section = await screen.findByRole("region", { name: "Events in this range" });
    expect(within(section).getByText(/Analysts add and change events; ask ops@studio\.test for that role\./)).toBeInTheDocument();
    expect(within(section).queryByRole("button", { name: "Add an event" })).not.toBeInTheDocument();
    expect(within(section).queryByRole("button", { name: "Paste a list (CSV)" })).not.toBeInTheDocument();
    first.unmount();
    person = "analyst@studio.test";
    renderApp(`/labels?${MAIN}`);
    const analysts = await screen.findByRole("region", { name: "Events in this range" }, { timeout: 8000 });
    expect(await within(analysts).findByRole("button", { name: "Add an event" })).toBeInTheDocument();
  });

  it("an analyst sees players but no export, with whom to ask", async () => {
    person = "analyst@studio.test";
    renderApp(`/users?${MAIN}`);
    expect(await screen.findAllByRole("row", {}, { timeout: 8000 })).not.toHaveLength(0);
    expect(await screen.findByText("CSV export needs the exporter role. Ask ops@studio.test.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /export/i })).not.toBeInTheDocument();
    expect(screen.getByText("analyst@studio.test")).toBeInTheDocument();
  });

  it("a person with no grant sees a page saying so, and whom to ask", async () => {
    person = "stranger@studio.test";
    renderApp(`/users?${MAIN}`);
    expect(await screen.findByRole("heading", { name: "You don't have access yet" }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText(/Ask ops@studio\.test to grant you a role/)).toBeInTheDocument();
  });

  it("an admin reads the audit log, filters it and can download it", async () => {
    // A refusal the SPA would never provoke (it hides what a role cannot do): asked for directly.
    const refused = await server.stack.api(`/api/vip-users?workspaceId=ws_aurora&mediumId=ch_aurora_messenger`, { headers: await server.as("viewer@studio.test") });
    expect(refused.status).toBe(403);
    person = "admin@studio.test";
    const { user } = renderApp(`/users?${MAIN}`);
    await user.click(await screen.findByRole("link", { name: "Audit" }, { timeout: 8000 }));
    const table = await screen.findByRole("table", { name: "Audit log, newest first" }, { timeout: 8000 });
    expect(within(table).getAllByText("Viewed a personal-data list").length).toBeGreaterThan(0);
    expect(within(table).getAllByText("Was refused access").length).toBeGreaterThan(0);
    await user.selectOptions(screen.getByRole("combobox", { name: "Action" }), "access_denied");
    // Applied at once, like every other filter: no Apply button.
    expect(screen.queryByRole("button", { name: "Apply" })).toBeNull();
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Audit log, newest first" })).queryAllByText("Viewed a personal-data list")).toHaveLength(0));
    expect(screen.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", "/api/audit/export?action=access_denied");
  });
});
