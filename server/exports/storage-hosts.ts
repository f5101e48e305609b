const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/**
 * May the server fetch this Storage URL? Only from the configured host[:port] list, and only
 * over https, except for loopback hosts (the simulator's Storage in demo mode and tests).
 */
export function isAllowedStorageUrl(value: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.test(url.hostname));
  return secure && allowedHosts.includes(url.host.toLowerCase());
}
