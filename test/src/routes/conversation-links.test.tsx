import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, serveRealApiForFile } from "../../helpers/render-app";

serveRealApiForFile({ DYNAMO_CONVERSATION_URL: "https://app.dynamo.example/inbox/{conversationId}?from=dashboard" });

describe("conversations open in Dynamo", () => {
  it("every player's conversation id keeps its copy button and gains an 'Open in Dynamo' link", async () => {
    renderApp("/users?ws=ws_aurora&ch=ch_aurora_messenger");
    const table = await screen.findByRole("table", { name: /VIP users/ }, { timeout: 8000 });
    const links = await within(table).findAllByRole("link", { name: /^Open conversation c_\w+ in Dynamo \(new tab\)$/ }, { timeout: 8000 });
    expect(links.length).toBeGreaterThan(10);
    const id = /conversation (c_\w+) in/.exec(links[0]!.getAttribute("aria-label")!)![1]!;
    expect(links[0]).toHaveAttribute("href", `https://app.dynamo.example/inbox/${id}?from=dashboard`);
    expect(links[0]).toHaveAttribute("rel", "noopener noreferrer");
    expect(within(table).getByRole("button", { name: `Copy conversation id ${id}` })).toBeInTheDocument();
  });
});
