import { MESSAGE_KINDS } from "#contract/assumptions";
import type { MessageKind } from "#contract/responses";

/** "Content kind": all, or one of the API's message kinds. */
export function KindSelect({ kind, onKind, inline = false }: { kind: MessageKind | undefined; onKind: (kind: MessageKind | undefined) => void; inline?: boolean }) {
  return (
    <label className={inline ? "field field--inline" : "field"}>
      <span className="field__label">Content kind</span>
      <select value={kind ?? ""} onChange={(e) => onKind((e.target.value || undefined) as MessageKind | undefined)}>
        <option value="">All kinds</option>
        {MESSAGE_KINDS.map((k) => (
          <option key={k} value={k}>
            {k[0]?.toUpperCase() + k.slice(1)}
          </option>
        ))}
      </select>
    </label>
  );
}
