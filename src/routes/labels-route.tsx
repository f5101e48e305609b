import { useMemo } from "react";
import { eventsDuring, type TeamEvent } from "#contract/events";
import { utcDay } from "#contract/dates";
import { useShell } from "./shell-context";
import { NotificationsLink } from "./notifications-link";
import { WithWorkspace } from "./with-workspace";
import { Forbidden } from "../components/forbidden";
import { useDocumentTitle } from "../components/use-document-title";
import { describeEvent, formatShortDay } from "../lib/format/dates";
import { useNow } from "../components/use-now";
import type { BarActions } from "../features/label-overview/bar-label";
import { LabelOverviewPanel } from "../features/label-overview/label-overview-panel";
import { useBarFocusReturn } from "../features/label-overview/use-bar-focus-return";
import { useLabelsOverview } from "../features/label-overview/use-labels-overview";
import { drillParamsFor, warmDrillMessages } from "../features/message-drilldown/api";
import { DrilldownDialog } from "../features/message-drilldown/drilldown-dialog";
import { DrilldownForbidden } from "../features/message-drilldown/drilldown-forbidden";
import type { Permissions } from "../features/session/permissions";
import { MissingBarDialog } from "../features/message-drilldown/missing-bar-dialog";
import { useDrill } from "../features/message-drilldown/url-state";
import { useTeamEvents } from "../features/team-events/api";
import { EventsSection } from "../features/team-events/events-section";

const NO_EVENTS: readonly TeamEvent[] = [];

export function LabelsRoute() {
  const { permissions, workspaceName } = useShell();
  useDocumentTitle(permissions.overview ? undefined : ["Labels", "no access", workspaceName]);
  return (
    <WithWorkspace loadingLabel="Loading labels">
      {(workspaceId, channelId) =>
        permissions.overview ? (
          <LabelsView workspaceId={workspaceId} channelId={channelId} permissions={permissions} />
        ) : (
          <section className="panel" aria-labelledby="labels-heading">
            <h1 id="labels-heading">AI conversation labels</h1>
            <Forbidden title="This workspace is not shared with you" needs="viewer" contact={permissions.contact} current={null} />
          </section>
        )
      }
    </WithWorkspace>
  );
}

/** The label overview and, over it, the drill-down of the bar the URL names. */
function LabelsView({ workspaceId, channelId, permissions }: { workspaceId: string; channelId: string; permissions: Permissions }) {
  const now = useNow();
  const { view, update, problem, load, model, previous, spikes, loaded, progress } = useLabelsOverview(workspaceId, channelId, now);
  const eventsQuery = useTeamEvents(problem ? undefined : { workspaceId, channelId, from: view.from, to: view.to });
  const events = eventsQuery.data?.items ?? NO_EVENTS;
  const labelNames = useMemo(() => new Map(model?.labels.map((l) => [l.id, l.name])), [model]);
  const drill = useDrill();
  useBarFocusReturn(drill.target);
  const bars: BarActions = {
    open: drill.open,
    messagesAllowed: permissions.personalData,
    // Hover or focus warms the server's cache with the bar's first messages, so the click is quick.
    preview(label, bucket) {
      const bar = permissions.personalData ? model?.bar(label, bucket) : undefined;
      if (bar) warmDrillMessages(drillParamsFor(workspaceId, channelId, bar, undefined));
    },
  };

  const found = drill.target && model ? model.bar(drill.target.label, drill.target.bucket) : undefined;
  // The drill-down's header lists the events its period touches, as the bar's name does.
  // A long trend's bar is real once its own window has arrived (model.bar says so), the rest may still load.
  const bar = found && (loaded || progress !== undefined) ? { ...found, events: eventsDuring(events, found.range).map((e) => describeEvent(e)) } : undefined;
  const { workspaceName } = useShell();
  const span = view.from && view.to ? `${formatShortDay(view.from)}–${formatShortDay(view.to)}` : undefined;
  useDocumentTitle([bar && `${bar.labelName}, ${bar.bucketText}`, "Labels", workspaceName, span]);

  return (
    <>
      <LabelOverviewPanel
        view={view}
        onChange={update}
        now={now}
        windowProblem={problem}
        query={load}
        progress={progress}
        events={events}
        below={
          <EventsSection
            workspaceId={workspaceId}
            channelId={channelId}
            query={eventsQuery}
            canEdit={permissions.events}
            contact={permissions.contact}
            defaultDay={utcDay(now)}
          />
        }
        model={model}
        previous={previous}
        bars={bars}
        spikes={spikes}
        headerActions={
          <NotificationsLink workspaceId={workspaceId} channelId={channelId} kind="alert">
            Alert me when a label spikes
          </NotificationsLink>
        }
      />
      {bar && !permissions.personalData && (
        <DrilldownForbidden bar={bar} contact={permissions.contact} current={permissions.role} onClose={drill.close} />
      )}
      {bar && permissions.personalData && (
        <DrilldownDialog
          workspaceId={workspaceId}
          channelId={channelId}
          bar={bar}
          labelNames={labelNames}
          kind={drill.kind}
          onKind={drill.setKind}
          onClose={drill.close}
          exportAccess={permissions.export ? "allowed" : { contact: permissions.contact }}
        />
      )}
      {drill.target && !bar && <MissingBarDialog target={drill.target} loaded={loaded} onClose={drill.close} />}
    </>
  );
}
