import type { VipUser } from "#contract/responses";

/** A player's picture, or their initials when there is none (decorative: the name is beside it). */
export function Avatar({ user }: { user: VipUser }) {
  if (user.profilePic) return <img className="avatar" src={user.profilePic} alt="" width={32} height={32} loading="lazy" />;
  const initials = `${Array.from(user.firstName ?? "")[0] ?? ""}${Array.from(user.lastName ?? "")[0] ?? ""}` || "?";
  return (
    <span className="avatar avatar--initials" aria-hidden="true">
      {initials}
    </span>
  );
}

/** An empty value: a dash to the eye, "none" to a screen reader (a span cannot carry a label). */
export const dash = (
  <span className="muted">
    <span aria-hidden="true">–</span>
    <span className="visually-hidden">none</span>
  </span>
);
