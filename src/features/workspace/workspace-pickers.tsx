import { QueryError } from "../../components/query-error";
import { connectedChannels, type useWorkspace } from "./use-workspace";

type WorkspaceState = ReturnType<typeof useWorkspace>;

/**
 * Workspace and Channel pickers. Non-VIP workspaces are listed but disabled, with the reason in
 * their label; the channel list shows only channels connected to the chosen workspace.
 */
export function WorkspacePickers({ workspace }: { workspace: WorkspaceState }) {
  const { workspaces, channels, workspaceId, channelId, select } = workspace;
  if (workspaces.isError || channels.isError) {
    return (
      <QueryError
        error={workspaces.error ?? channels.error}
        what="workspaces and channels"
        onRetry={() => {
          void workspaces.refetch();
          void channels.refetch();
        }}
      />
    );
  }
  const loading = !workspaces.data || !channels.data;
  const connected = connectedChannels(channels.data ?? [], workspaceId);
  const current = workspaces.data?.find((w) => w.id === workspaceId);
  const channelIsConnected = connected.some((c) => c.id === channelId);
  return (
    <div className="pickers" aria-busy={loading}>
      <label className="field">
        <span className="field__label">Workspace</span>
        <select
          value={workspaceId ?? ""}
          disabled={loading}
          onChange={(e) => select(e.target.value)}
        >
          {loading && <option value="">Loading…</option>}
          {workspaces.data?.map((w) => (
            <option key={w.id} value={w.id} disabled={!w.vip}>
              {w.vip ? w.name : `${w.name} (not a VIP workspace)`}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Channel</span>
        <select
          value={channelId ?? ""}
          disabled={loading || connected.length === 0}
          onChange={(e) => workspaceId && select(workspaceId, e.target.value)}
        >
          {loading && <option value="">Loading…</option>}
          {!loading && connected.length === 0 && <option value="">No connected channels</option>}
          {!loading && channelId && !channelIsConnected && (
            <option value={channelId} disabled>
              {channels.data?.find((c) => c.id === channelId)?.name ?? channelId} (not connected)
            </option>
          )}
          {connected.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {current && !current.vip && (
        <p className="pickers__note" role="note">
          {current.name} is not a VIP workspace, so it has no VIP players or label data.
        </p>
      )}
    </div>
  );
}
