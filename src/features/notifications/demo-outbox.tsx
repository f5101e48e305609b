import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import { formatUtc } from "../../lib/format/dates";
import { mailboxQuery } from "./api";

/** The built-in outbox: without SMTP_URL, e-mail lands here, exactly as it would be sent. */
export function DemoOutbox() {
  const query = useQuery(mailboxQuery());
  if (query.isError) return <QueryError error={query.error} what="the outbox" onRetry={() => void query.refetch()} />;
  if (!query.data) return <p role="status">Loading the outbox…</p>;
  if (query.data.items.length === 0) return <EmptyState title="No e-mail yet.">Use “Send now” on an e-mail digest to see it here.</EmptyState>;
  return (
    <ul className="outbox">
      {query.data.items.map((mail) => (
        <li key={mail.id}>
          <details>
            <summary>
              <strong>{mail.subject}</strong> <span className="muted">to {mail.to}, {formatUtc(Date.parse(mail.at))}</span>
            </summary>
            <pre className="outbox__text">{mail.text}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
