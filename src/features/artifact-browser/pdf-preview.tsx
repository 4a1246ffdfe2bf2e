import { useCallback } from 'react'
import './previews.css'

/**
 * A PDF shown by the browser's own viewer from a blob URL, revoked when the preview goes away.
 * Where the browser cannot show PDFs inline, the object's fallback offers a link instead.
 */
export function PdfPreview({ bytes }: { bytes: Uint8Array }) {
  // The URL is made and revoked with the element (a callback ref with cleanup), not held in state:
  // the object and both links get it the moment they exist, and a new file gets a new URL.
  const attach = useCallback(
    (container: HTMLDivElement | null) => {
      if (container === null) return
      // Copied so the Blob gets a plain ArrayBuffer, whatever buffer the bytes came in.
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }))
      for (const object of container.querySelectorAll('object')) object.data = url
      for (const link of container.querySelectorAll('a')) link.href = url
      return () => {
        URL.revokeObjectURL(url)
      }
    },
    [bytes],
  )

  return (
    <div className="pdf-preview" ref={attach}>
      <div className="preview-toolbar">
        <a target="_blank" rel="noreferrer">
          Open the PDF in a new tab
        </a>
      </div>
      <object type="application/pdf" className="pdf-preview-object" aria-label="PDF preview">
        <p className="preview-note">
          This browser cannot show the PDF here.{' '}
          <a target="_blank" rel="noreferrer">
            Open the PDF
          </a>
        </p>
      </object>
    </div>
  )
}
