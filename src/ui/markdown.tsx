import { useMemo, type ReactNode } from 'react'
import { parseMarkdown, type Inline } from '@/domain/markdown/parse-markdown'

const HEADINGS = ['h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const

function renderInline(inlines: readonly Inline[]): ReactNode[] {
  return inlines.map((inline, index) => {
    switch (inline.type) {
      case 'text':
        return inline.text
      case 'code':
        return <code key={index}>{inline.text}</code>
      case 'strong':
        return <strong key={index}>{renderInline(inline.children)}</strong>
      case 'emphasis':
        return <em key={index}>{renderInline(inline.children)}</em>
      case 'link':
        return (
          <a key={index} href={inline.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(inline.children)}
          </a>
        )
    }
  })
}

/** Untrusted Markdown (run and experiment notes) as React elements: nothing in it can run script. */
export function Markdown({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source])
  return (
    <div className="markdown">
      {blocks.map((block, index) => {
        switch (block.type) {
          case 'heading': {
            // Notes sit under the page's own h1/h2, so their headings start at h3.
            const Tag = HEADINGS[block.level - 1] ?? 'h6'
            return <Tag key={index}>{renderInline(block.children)}</Tag>
          }
          case 'paragraph':
            return <p key={index}>{renderInline(block.children)}</p>
          case 'code':
            return (
              <pre key={index}>
                <code>{block.text}</code>
              </pre>
            )
          case 'rule':
            return <hr key={index} />
          case 'list': {
            const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{renderInline(item)}</li>)
            return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>
          }
        }
      })}
    </div>
  )
}
