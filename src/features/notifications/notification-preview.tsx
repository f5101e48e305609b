import type { SubscriptionPreview } from "#contract/notifications";

/** What would be sent now, as its sections read (every destination carries the same). */
export function NotificationPreview({ preview }: { preview: SubscriptionPreview }) {
  if (preview.kind === "alert") {
    return (
      <section className="notify-preview" aria-label="Preview">
        <p>{preview.message}</p>
      </section>
    );
  }
  const m = preview.message;
  return (
    <section className="notify-preview" aria-label="Preview">
      <h3>{m.title}</h3>
      <p className="muted">{m.summary}</p>
      {preview.empty && <p className="notice notice--warning">Nothing to report right now: {preview.whenEmpty === "skip" ? "this digest would not be sent today." : "a “nothing unusual” message would be sent."}</p>}
      {m.sections.map((s) => (
        <div key={s.title}>
          <h4>{s.title}</h4>
          {s.lines.length > 0 ? (
            <ul>
              {s.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing to report.</p>
          )}
          {s.link && (
            <a href={s.link.url} target="_blank" rel="noreferrer">
              {s.link.text}
            </a>
          )}
        </div>
      ))}
    </section>
  );
}
