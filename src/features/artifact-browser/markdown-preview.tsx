import { Markdown } from '@/ui/markdown'

/**
 * A Markdown file rendered by the app's own Markdown component, which builds React elements from a
 * parsed tree: raw HTML stays text and only http(s)/mailto links become links.
 */
export function MarkdownPreview({ text }: { text: string }) {
  return (
    <div className="markdown-preview">
      <Markdown source={text} />
    </div>
  )
}
