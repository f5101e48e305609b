import type { AppDb } from "../db/schema";
import { hashToken, newToken } from "../opaque-token";
import type { Principal } from "../identity/principal";

export interface StoredSession {
  id: string;
  principal: Principal;
  idToken: string | null;
}

/** Only a change older than this rewrites last_seen_at: no write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Sessions as database rows: the cookie holds a random token, the row its hash. A session
 * ends after `idleMs` without use or `maxMs` after sign-in, whichever comes first, and at
 * sign-out for every copy of the cookie.
 */
export function createSessionStore(db: AppDb, options: { idleMs: number; maxMs: number; now?: () => number }) {
  const now = options.now ?? (() => Date.now());
  return {
    async create(principal: Principal, idToken: string | null): Promise<string> {
      const token = newToken();
      const at = new Date(now());
      await db
        .insertInto("sessions")
        .values({
          id: hashToken(token),
          subject: principal.subject,
          email: principal.email,
          name: principal.name,
          groups: JSON.stringify(principal.groups),
          id_token: idToken,
          last_seen_at: at,
          expires_at: new Date(at.getTime() + options.maxMs),
        })
        .execute();
      return token;
    },

    /** The live session for a cookie token, refreshed; undefined when unknown, idle or past its end. */
    async find(token: string): Promise<StoredSession | undefined> {
      const id = hashToken(token);
      const row = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) return undefined;
      const t = now();
      if (row.expires_at.getTime() <= t || row.last_seen_at.getTime() + options.idleMs <= t) {
        await db.deleteFrom("sessions").where("id", "=", id).execute();
        return undefined;
      }
      if (t - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
        await db.updateTable("sessions").set({ last_seen_at: new Date(t) }).where("id", "=", id).execute();
      }
      const groups = Array.isArray(row.groups) ? row.groups : [];
      return { id, principal: { subject: row.subject, email: row.email, name: row.name, groups }, idToken: row.id_token };
    },

    async destroy(id: string): Promise<void> {
      await db.deleteFrom("sessions").where("id", "=", id).execute();
    },

    /** Removes ended sessions and abandoned sign-in attempts. */
    async prune(): Promise<void> {
      const t = now();
      await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<=", new Date(t)), eb("last_seen_at", "<=", new Date(t - options.idleMs))]))
        .execute();
      await db.deleteFrom("auth_flows").where("created_at", "<=", new Date(t - 15 * 60_000)).execute();
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
