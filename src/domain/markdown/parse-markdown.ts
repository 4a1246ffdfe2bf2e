/**
 * A small Markdown reader for descriptions and notes (`mlflow.note.content`). It returns a tree that
 * the UI renders as React elements, never as HTML, so a note cannot run script or inject markup:
 * raw HTML in the text stays text. It covers what notes use: headings, paragraphs, bullet and
 * numbered lists, fenced and inline code, emphasis, strong, and links (http, https and mailto only).
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; text: string }
  | { type: 'rule' }

const SAFE_LINK = /^(https?:\/\/|mailto:)/i

function headingLevel(hashes: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return hashes <= 1 ? 1 : hashes >= 6 ? 6 : hashes === 2 ? 2 : hashes === 3 ? 3 : hashes === 4 ? 4 : 5
}

/** Inline spans, left to right; unmatched markers stay literal text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let buffer = ''
  const flush = () => {
    if (buffer !== '') out.push({ type: 'text', text: buffer })
    buffer = ''
  }
  let i = 0
  while (i < text.length) {
    const rest = text.slice(i)
    const code = /^`([^`]+)`/.exec(rest)
    if (code?.[1] !== undefined) {
      flush()
      out.push({ type: 'code', text: code[1] })
      i += code[0].length
      continue
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest)
    if (strong?.[2] !== undefined) {
      flush()
      out.push({ type: 'strong', children: parseInline(strong[2]) })
      i += strong[0].length
      continue
    }
    const emphasis = /^(\*|_)(?=\S)([\s\S]*?\S)\1/.exec(rest)
    if (emphasis?.[2] !== undefined) {
      flush()
      out.push({ type: 'emphasis', children: parseInline(emphasis[2]) })
      i += emphasis[0].length
      continue
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest)
    if (link?.[1] !== undefined && link[2] !== undefined) {
      flush()
      if (SAFE_LINK.test(link[2])) out.push({ type: 'link', href: link[2], children: parseInline(link[1]) })
      else out.push(...parseInline(link[1]))
      i += link[0].length
      continue
    }
    buffer += text.charAt(i)
    i++
  }
  flush()
  return out
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let paragraph: string[] = []
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) })
    paragraph = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (/^\s*```/.test(line)) {
      endParagraph()
      const code: string[] = []
      i++
      while (i < lines.length && !/^\s*```/.test(lines[i] ?? '')) code.push(lines[i++] ?? '')
      blocks.push({ type: 'code', text: code.join('\n') })
      continue
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading?.[1] !== undefined && heading[2] !== undefined) {
      endParagraph()
      blocks.push({
        type: 'heading',
        level: headingLevel(heading[1].length),
        children: parseInline(heading[2].trim()),
      })
      continue
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      endParagraph()
      blocks.push({ type: 'rule' })
      continue
    }
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line)
    if (item?.[1] !== undefined && item[2] !== undefined) {
      endParagraph()
      const ordered = /\d/.test(item[1])
      const previous = blocks[blocks.length - 1]
      if (previous?.type === 'list' && previous.ordered === ordered) previous.items.push(parseInline(item[2]))
      else blocks.push({ type: 'list', ordered, items: [parseInline(item[2])] })
      continue
    }
    if (line.trim() === '') {
      endParagraph()
      continue
    }
    paragraph.push(line.trim())
  }
  endParagraph()
  return blocks
}

/** The text of a note without markup, for one-line previews in tables. */
export function markdownToPlainText(source: string): string {
  const text = (inlines: Inline[]): string =>
    inlines.map((inline) => ('children' in inline ? text(inline.children) : inline.text)).join('')
  return parseMarkdown(source)
    .map((block) => {
      if (block.type === 'list') return block.items.map(text).join(' · ')
      if (block.type === 'code') return block.text
      if (block.type === 'rule') return ''
      return text(block.children)
    })
    .filter((part) => part !== '')
    .join(' ')
}
