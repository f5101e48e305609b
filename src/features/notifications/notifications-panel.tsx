import { DeliveriesTable } from "./deliveries-table";
import { DemoOutbox } from "./demo-outbox";
import { SubscriptionForm, type FormScope } from "./subscription-form";
import { SubscriptionsList } from "./subscriptions-list";

/** Digests and alerts: a new one, yours, every send, and the built-in outbox. */
export function NotificationsPanel({ scope, kind, onKind, mailbox }: { scope: FormScope; kind: "digest" | "alert"; onKind: (kind: "digest" | "alert") => void; mailbox: boolean }) {
  return (
    <section className="panel" aria-labelledby="notifications-heading">
      <div className="panel__header">
        <div>
          <h1 id="notifications-heading">Notifications</h1>
          <p className="panel__sub">
            Digests (birthdays, unusual labels, totals) on a schedule, and alerts when a label becomes unusual, by e-mail, Slack, Discord or a signed webhook. For {scope.workspaceId} / {scope.channelId}.
          </p>
        </div>
      </div>
      <SubscriptionForm key={`${scope.workspaceId}/${scope.channelId}/${kind}`} kind={kind} scope={scope} onKind={onKind} />
      <h2>Your digests and alerts</h2>
      <SubscriptionsList canNames={scope.personalData} admin={scope.admin} />
      <h2>Deliveries</h2>
      <DeliveriesTable />
      {mailbox && (
        <>
          <h2>Outbox</h2>
          <p className="muted">No mail server is configured (SMTP_URL), so e-mail stays here, as it would be sent.</p>
          <DemoOutbox />
        </>
      )}
    </section>
  );
}
