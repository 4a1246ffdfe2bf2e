import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { artifactQueries } from '@/api/artifacts'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'
import { groupLoggedImages, LOGGED_IMAGES_DIR, loggedImageKey } from '@/domain/artifacts/logged-images'

interface LoggedImageStepsProps {
  source: ArtifactSource
  /** A file `log_image(key=, step=)` wrote (see isLoggedImagePath). */
  path: string
  onSelect: (path: string, isDir: boolean) => void
}

/**
 * A step slider over the images logged under one key (a confusion matrix every epoch): moving it
 * opens that step's file, so the URL names the step shown. The `images/` listing is the one the tree
 * already fetched; nothing else is requested until a step is picked.
 */
export function LoggedImageSteps({ source, path, onSelect }: LoggedImageStepsProps) {
  const listing = useQuery(artifactQueries.list({ source, path: LOGGED_IMAGES_DIR }))
  const key = loggedImageKey(path)
  const series = useMemo(
    () =>
      groupLoggedImages((listing.data?.files ?? []).map((file) => file.path)).find((one) => one.key === key),
    [listing.data, key],
  )
  if (series === undefined || series.images.length < 2) return null
  const index = series.images.findIndex((image) => image.path === path || image.thumbnailPath === path)
  const current = series.images[index]
  if (current === undefined) return null
  const last = series.images.length - 1
  const go = (next: number) => {
    const image = series.images[Math.min(Math.max(next, 0), last)]
    if (image !== undefined && image.path !== current.path) onSelect(image.path, false)
  }
  const first = series.images[0]?.step
  const lastStep = series.images[last]?.step
  return (
    <div className="logged-image-steps" role="group" aria-label={`Steps of ${key ?? 'image'}`}>
      <span className="logged-image-key">{key}</span>
      <button
        type="button"
        className="button"
        aria-label="Previous step"
        disabled={index === 0}
        onClick={() => {
          go(index - 1)
        }}
      >
        ‹
      </button>
      <input
        type="range"
        min={0}
        max={last}
        step={1}
        value={index}
        aria-label="Step"
        aria-valuetext={`step ${current.step}`}
        onChange={(event) => {
          go(Number(event.target.value))
        }}
      />
      <button
        type="button"
        className="button"
        aria-label="Next step"
        disabled={index === last}
        onClick={() => {
          go(index + 1)
        }}
      >
        ›
      </button>
      <output className="logged-image-step" aria-live="polite">
        step {current.step}
        <span className="muted">
          {' '}
          ({index + 1} of {series.images.length}, steps {first}–{lastStep})
        </span>
      </output>
    </div>
  )
}
