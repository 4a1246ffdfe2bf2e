import { describe, expect, it } from 'vitest'
import { markdownToPlainText, parseInline, parseMarkdown } from './parse-markdown'

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists, code and rules', () => {
    const blocks = parseMarkdown(
      '# Title\n\nSome *text*\ncontinued.\n\n- a\n- b\n\n1. one\n\n```\nx = 1\n```\n---',
    )
    expect(blocks.map((block) => block.type)).toEqual([
      'heading',
      'paragraph',
      'list',
      'list',
      'code',
      'rule',
    ])
    expect(blocks[2]).toEqual({
      type: 'list',
      ordered: false,
      items: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]],
    })
    expect(blocks[4]).toEqual({ type: 'code', text: 'x = 1' })
  })

  it('keeps raw HTML as text, so a note can never inject markup or script', () => {
    expect(parseMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toEqual([
      {
        type: 'paragraph',
        children: [{ type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }],
      },
    ])
  })

  it('links only to http, https and mailto; other schemes become plain text', () => {
    expect(parseInline('[docs](https://mlflow.org) [bad](javascript:alert(1))')).toEqual([
      { type: 'link', href: 'https://mlflow.org', children: [{ type: 'text', text: 'docs' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'bad' },
      { type: 'text', text: ')' },
    ])
  })

  it('nests emphasis in strong and leaves unmatched markers alone', () => {
    expect(parseInline('**bold _and_ more** 2*3')).toEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'bold ' },
          { type: 'emphasis', children: [{ type: 'text', text: 'and' }] },
          { type: 'text', text: ' more' },
        ],
      },
      { type: 'text', text: ' 2*3' },
    ])
  })
})

describe('markdownToPlainText', () => {
  it('drops markup for one-line previews', () => {
    expect(markdownToPlainText('# MNIST baseline\n\nSmall CNNs. See **runs** below.')).toBe(
      'MNIST baseline Small CNNs. See runs below.',
    )
  })
})
