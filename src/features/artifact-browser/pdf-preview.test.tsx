import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PdfPreview } from './pdf-preview'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('PdfPreview', () => {
  it('shows the bytes through a blob URL and revokes it on unmount', async () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:pdf-1')
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const bytes = new TextEncoder().encode('%PDF-1.4\n')
    const { container, unmount } = render(<PdfPreview bytes={bytes} />)

    expect(create).toHaveBeenCalledTimes(1)
    const blob = create.mock.calls[0]?.[0]
    expect(blob instanceof Blob ? blob.type : undefined).toBe('application/pdf')
    expect(blob instanceof Blob ? await blob.text() : undefined).toBe('%PDF-1.4\n')
    expect(container.querySelector('object')?.getAttribute('data')).toBe('blob:pdf-1')
    expect(screen.getByRole('link', { name: 'Open the PDF' }).getAttribute('href')).toBe('blob:pdf-1')
    expect(revoke).not.toHaveBeenCalled()

    unmount()
    expect(revoke).toHaveBeenCalledWith('blob:pdf-1')
  })

  it('replaces the URL when the bytes change', () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValueOnce('blob:a').mockReturnValueOnce('blob:b')
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const { container, rerender } = render(<PdfPreview bytes={new Uint8Array([1])} />)
    rerender(<PdfPreview bytes={new Uint8Array([2])} />)
    expect(revoke).toHaveBeenCalledWith('blob:a')
    expect(container.querySelector('object')?.getAttribute('data')).toBe('blob:b')
  })
})
