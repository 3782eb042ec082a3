// Saves a file main produced (CSV, XLSX) through a Blob link: no Node, no dialog, the browser's downloads.
export interface DownloadableFile {
  filename: string;
  mimeType: string;
  content: string;
  /** A binary file (XLSX) crosses the bridge as base64. */
  encoding?: 'utf8' | 'base64' | undefined;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function downloadFile(file: DownloadableFile): void {
  const body = file.encoding === 'base64' ? bytesOf(file.content) : file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some engines cancel the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
