import { expect, it } from "vitest";
import { createEventStore } from "../../../server/events/event-store";
import { describeOnEachDatabase } from "../../helpers/databases";

describeOnEachDatabase("the events store", (open) => {
  it("keeps calendar days as days (no time-zone shift), finds events by the days they touch, changes and removes them", async () => {
    const database = await open();
    try {
      const store = createEventStore(database.db);
      const launch = await store.create({ workspaceId: "ws_a", title: "Launch", start: "2026-01-31", end: "2026-02-01" }, "a@studio.test");
      await store.create({ workspaceId: "ws_a", mediumId: "ch_b", title: "Outage", start: "2026-02-01" }, "a@studio.test");
      await store.create({ workspaceId: "ws_other", title: "Elsewhere", start: "2026-02-01" }, "a@studio.test");
      expect(launch).toMatchObject({ start: "2026-01-31", end: "2026-02-01", mediumId: null, link: null });
      const titles = async (q: { mediumId?: string; from: string; to: string }) => (await store.list({ workspaceId: "ws_a", ...q })).map((e) => e.title);
      expect(await titles({ from: "2026-02-01", to: "2026-02-01" })).toEqual(["Launch", "Outage"]);
      expect(await titles({ mediumId: "ch_c", from: "2026-01-01", to: "2026-12-31" })).toEqual(["Launch"]);
      expect(await titles({ from: "2026-02-02", to: "2026-03-01" })).toEqual([]);
      expect(await titles({ from: "2026-01-01", to: "2026-01-31" })).toEqual(["Launch"]);
      const moved = await store.update(launch.id, { start: "2026-03-01", end: "2026-03-02", link: "https://studio.test/x" });
      expect(moved).toMatchObject({ start: "2026-03-01", end: "2026-03-02", link: "https://studio.test/x" });
      expect((await store.get(launch.id))?.start).toBe("2026-03-01");
      await store.remove(launch.id);
      expect(await store.get(launch.id)).toBeUndefined();
      expect(await store.get("not-a-uuid")).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});
