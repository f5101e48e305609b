import { useContext } from "react";
import type { RoleName } from "#contract/access";
import { AskForAccessSlot } from "./ask-for-access-slot";

/**
 * What a role may not do, said where a person looks for it: which role it takes, whom to ask,
 * and a way to ask from the page. (The server refuses it anyway; this only spares a round trip
 * and a puzzle.)
 */
export function Forbidden({ title, needs, contact, current }: { title: string; needs: RoleName; contact: string; current: string | null }) {
  const ask = useContext(AskForAccessSlot);
  return (
    <div className="forbidden" role="note">
      <p className="forbidden__title">
        <strong>{title}</strong>
      </p>
      <p>
        This needs the <strong>{needs}</strong> role{needs === "admin" ? "" : " or higher"} in this workspace
        {current ? `; yours is ${current}` : ""}. Ask {contact} for access{ask ? ", or ask from here" : ""}.
      </p>
      {ask?.(needs)}
    </div>
  );
}
