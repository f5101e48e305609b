import { Dialog } from "../../components/dialog";
import type { DrillTarget } from "./url-state";

/**
 * A drill-down link whose bar is not (yet) on screen: loading while the chart's numbers
 * arrive, then a plain explanation instead of an empty panel.
 */
export function MissingBarDialog({ target, loaded, onClose }: { target: DrillTarget; loaded: boolean; onClose: () => void }) {
  return (
    <Dialog titleId="drill-missing" onClose={onClose}>
      <div className="dialog__header">
        <div className="dialog__title-row">
          <h2 id="drill-missing" className="dialog__title">
            {loaded ? "This bar is not in the chart" : "Loading the bar…"}
          </h2>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
        {loaded && (
          <p className="dialog__meta">
            The link names label “{target.label}” on {target.bucket}, which is not a bar in this window. Pick a bar in the
            chart instead.
          </p>
        )}
      </div>
    </Dialog>
  );
}
