/** An event's title, as a link to its page when it has one (an http(s) address, checked by the contract). */
export function EventTitle({ event }: { event: { title: string; link: string | null } }) {
  return event.link ? (
    <a href={event.link} target="_blank" rel="noreferrer noopener">
      {event.title}
    </a>
  ) : (
    <>{event.title}</>
  );
}
