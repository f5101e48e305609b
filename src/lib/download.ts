/**
 * Hands a same-origin file URL to the browser as a download. The server answers with
 * Content-Disposition: attachment, so the page itself never navigates away.
 */
export function triggerDownload(url: string, filename: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
}
