// Saves a file main produced (CSV) through a Blob link: no Node, no dialog, the browser's downloads.
export interface DownloadableFile {
  filename: string;
  mimeType: string;
  content: string;
}

export function downloadFile(file: DownloadableFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
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
