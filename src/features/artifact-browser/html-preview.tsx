import { useId, useMemo, useState } from 'react'
import './previews.css'

/**
 * An HTML artifact (a plotly or bokeh figure, a report) in a sandboxed frame. Scripts stay off until
 * the viewer turns them on, and even then the frame gets `allow-scripts` only: without
 * `allow-same-origin` it runs in an opaque origin and cannot read this app, its cookies or storage.
 * Static mode uses `srcdoc`. Interactive mode loads the file from the Runboard server's
 * `artifact-frame` route when there is one (`frameSrc`, see artifact-frames.ts): a `srcdoc` document
 * inherits the app's `script-src 'self'` policy, under which a figure's inline scripts could not run.
 */
export function HtmlPreview({ html, frameSrc }: { html: string; frameSrc?: string | undefined }) {
  const [scripts, setScripts] = useState(false)
  const [expanded, setExpanded] = useState(false)
  const switchId = useId()
  const remote = useMemo(() => remoteScriptLibraries(html), [html])
  const hasScripts = useMemo(() => /<script\b/i.test(html), [html])

  return (
    <div className="html-preview">
      <div className="preview-toolbar">
        <label htmlFor={switchId} className="preview-switch">
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            checked={scripts}
            onChange={(event) => {
              setScripts(event.currentTarget.checked)
            }}
          />
          Run interactive content (scripts)
        </label>
        <button
          type="button"
          aria-pressed={expanded}
          onClick={() => {
            setExpanded((e) => !e)
          }}
        >
          {expanded ? 'Collapse' : 'Expand'}
        </button>
      </div>
      {!scripts && hasScripts && (
        <p className="preview-note">
          This file contains scripts, which are off: interactive figures stay blank until you turn them on.
        </p>
      )}
      {remote.length > 0 && (
        <p className="preview-note">
          This figure loads {joinNames(remote)} from the internet; it works only where the viewer can reach
          it.
        </p>
      )}
      <div className={expanded ? 'html-preview-frame is-expanded' : 'html-preview-frame'}>
        <iframe
          // A new frame per mode: a changed sandbox attribute only applies to the next navigation.
          key={scripts ? 'scripts' : 'static'}
          title="HTML preview"
          src={scripts ? frameSrc : undefined}
          srcDoc={scripts && frameSrc !== undefined ? undefined : html}
          sandbox={scripts ? 'allow-scripts' : ''}
          referrerPolicy="no-referrer"
        />
      </div>
    </div>
  )
}

const SCRIPT_SRC = /<script\b[^>]*?(?<![\w-])src\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi

/** Libraries (by name, in order of appearance) the HTML loads with `<script src>` from another host. */
function remoteScriptLibraries(html: string): string[] {
  const names = new Set<string>()
  for (const match of html.matchAll(SCRIPT_SRC)) {
    const src = match[1]
    if (src !== undefined) names.add(libraryName(src))
  }
  return [...names]
}

/** `https://cdn.plot.ly/plotly-2.35.2.min.js` → `plotly`; unknown hosts give the host name. */
function libraryName(src: string): string {
  let url: URL
  try {
    url = new URL(src, 'https://example.invalid')
  } catch {
    return src
  }
  const segments = url.pathname.split('/').filter((s) => s !== '')
  const host = url.hostname
  const fromPackage = (segment: string | undefined) =>
    segment === undefined ? host : segment.replace(/@.*$/, '')
  if (host === 'cdn.jsdelivr.net' && segments[0] === 'npm') {
    const scoped = segments[1]?.startsWith('@') === true
    return fromPackage(scoped ? `${segments[1] ?? ''}/${segments[2] ?? ''}` : segments[1])
  }
  if (host === 'unpkg.com' || host === 'esm.sh') return fromPackage(segments[0])
  if (host === 'cdnjs.cloudflare.com' && segments[0] === 'ajax' && segments[1] === 'libs')
    return segments[2] ?? host
  const file = segments[segments.length - 1]
  const known = KNOWN_HOSTS.get(host)
  if (known !== undefined) return known
  return file === undefined ? host : `${file} (${host})`
}

const KNOWN_HOSTS: ReadonlyMap<string, string> = new Map([
  ['cdn.plot.ly', 'plotly'],
  ['cdn.bokeh.org', 'bokeh'],
  ['cdn.pydata.org', 'bokeh'],
  ['code.jquery.com', 'jquery'],
  ['d3js.org', 'd3'],
  ['cdn.mathjax.org', 'mathjax'],
])

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
}
