import type { Config } from "../config";

export interface AllowedHosts {
  hosts: ReadonlySet<string>;
  origins: ReadonlySet<string>;
}

/**
 * The Host values (and matching origins) this dashboard answers for: PUBLIC_URL's host, any
 * ALLOWED_HOSTS, and in local mode the loopback names with the port actually bound.
 */
export function allowedHostsFor(config: Pick<Config, "auth" | "host" | "publicUrl" | "extraHosts">, boundPort: number): AllowedHosts {
  const hosts = new Set<string>();
  const origins = new Set<string>();
  const scheme = config.publicUrl?.protocol ?? "http:";
  if (config.publicUrl) {
    hosts.add(config.publicUrl.host.toLowerCase());
    origins.add(config.publicUrl.origin.toLowerCase());
  }
  if (config.auth.mode === "none") {
    for (const name of new Set([config.host.toLowerCase(), "127.0.0.1", "localhost", "[::1]"])) {
      const host = `${name === "::1" ? "[::1]" : name}:${boundPort}`;
      hosts.add(host);
      origins.add(`http://${host}`);
    }
  }
  for (const host of config.extraHosts) {
    hosts.add(host);
    origins.add(`${scheme}//${host}`);
  }
  return { hosts, origins };
}
