/**
 * What a role may not do, said where a person looks for it: which role it takes and whom to
 * ask. (The server refuses it anyway; this only spares a round trip and a puzzle.)
 */
export function Forbidden({ title, needs, contact, current }: { title: string; needs: string; contact: string; current: string | null }) {
  return (
    <div className="forbidden" role="note">
      <p className="forbidden__title">
        <strong>{title}</strong>
      </p>
      <p>
        This needs the <strong>{needs}</strong> role{needs === "admin" ? "" : " or higher"} in this workspace
        {current ? `; yours is ${current}` : ""}. Ask {contact} for access.
      </p>
    </div>
  );
}
