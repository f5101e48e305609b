import { Dialog } from "../../components/dialog";
import { Forbidden } from "../../components/forbidden";
import { plural } from "../../lib/format/numbers";
import type { DrillBar } from "../../lib/drill-bar";

/** A bar's drill-down for a role that may see counts but not the messages behind them. */
export function DrilldownForbidden({
  bar,
  contact,
  current,
  onClose,
}: {
  bar: DrillBar;
  contact: string;
  current: string | null;
  onClose: () => void;
}) {
  return (
    <Dialog titleId="drill-forbidden" onClose={onClose}>
      <div className="dialog__header">
        <div className="dialog__title-row">
          <h2 id="drill-forbidden" className="dialog__title">
            {bar.labelName}, {bar.bucketText}: {plural(bar.count, "message")}
          </h2>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <div className="dialog__body">
        <Forbidden title="Reading the messages is not part of your role" needs="analyst" contact={contact} current={current} />
      </div>
    </Dialog>
  );
}
