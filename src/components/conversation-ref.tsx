import { createContext, useContext } from "react";
import { CopyValue } from "./copy-button";

/** The deployment's "open a conversation in Dynamo" template (DYNAMO_CONVERSATION_URL), from /api/session. */
export const ConversationUrlContext = createContext<string | null>(null);

/** The template filled in for one conversation, or undefined when none is configured. */
export function conversationHref(template: string | null, conversationId: string): string | undefined {
  return template ? template.replaceAll("{conversationId}", encodeURIComponent(conversationId)) : undefined;
}

/**
 * A conversation id, copyable, and (when the deployment says where conversations live) an
 * "Open in Dynamo" link beside it, so a manager goes from a player or a message to the chat.
 */
export function ConversationRef({ id, copy = true }: { id: string; copy?: boolean }) {
  const href = conversationHref(useContext(ConversationUrlContext), id);
  return (
    <span className="conversation-ref">
      {copy && <CopyValue value={id} label="conversation id" />}
      {href && (
        <a className="conversation-ref__open" href={href} target="_blank" rel="noopener noreferrer" aria-label={`Open conversation ${id} in Dynamo (new tab)`}>
          Open in Dynamo ↗
        </a>
      )}
    </span>
  );
}
