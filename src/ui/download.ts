/** Saves a Blob as a file through a temporary link (the browser's download prompt). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Give the browser the blob before letting it go.
  window.setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 10_000)
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName)
}
