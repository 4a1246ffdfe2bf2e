export interface ArtifactEntry {
  /** Run-relative full path, e.g. `plots/confusion_matrix.png`. */
  path: string
  isDir: boolean
  /** Bytes; directories have none. */
  fileSize: number | undefined
}

export interface ArtifactListing {
  rootUri: string | undefined
  files: readonly ArtifactEntry[]
}
