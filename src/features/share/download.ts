/** Saves a Blob under `filename` through a temporary link: the one way every browser downloads without a server. */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by the next task; the URL can go then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadText(filename: string, text: string, type: string): void {
  download(filename, new Blob([text], { type }));
}
