/**
 * Tag filters as chips: a small form (key, is / is not / contains, value) that adds one, and the list
 * of active filters, each with a remove button. Used by the experiments and the registered models lists.
 */

import { useId, useState } from 'react'
import type { TagFilter, TagOperator } from '@/domain/experiment-search'

const OPERATOR_LABEL: Record<TagOperator, string> = { '=': 'is', '!=': 'is not', '~': 'contains' }

function TagFilterForm({ onAdd }: { onAdd: (filter: TagFilter) => void }) {
  const [key, setKey] = useState('')
  const [operator, setOperator] = useState<TagOperator>('=')
  const [value, setValue] = useState('')
  const id = useId()
  return (
    <form
      className="tag-filter-form"
      aria-label="Add a tag filter"
      onSubmit={(event) => {
        event.preventDefault()
        if (key.trim() === '') return
        onAdd({ key: key.trim(), operator, value })
        setKey('')
        setValue('')
      }}
    >
      <label htmlFor={`${id}-key`} className="visually-hidden">
        Tag key
      </label>
      <input
        id={`${id}-key`}
        className="input input-small"
        placeholder="tag"
        value={key}
        onChange={(e) => {
          setKey(e.target.value)
        }}
      />
      <label htmlFor={`${id}-op`} className="visually-hidden">
        Tag comparison
      </label>
      <select
        id={`${id}-op`}
        className="input input-small"
        value={operator}
        onChange={(e) => {
          const next = e.target.value
          setOperator(next === '!=' || next === '~' ? next : '=')
        }}
      >
        {(['=', '!=', '~'] as const).map((op) => (
          <option key={op} value={op}>
            {OPERATOR_LABEL[op]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-value`} className="visually-hidden">
        Tag value
      </label>
      <input
        id={`${id}-value`}
        className="input input-small"
        placeholder="value"
        value={value}
        onChange={(e) => {
          setValue(e.target.value)
        }}
      />
      <button type="submit" className="button button-small" disabled={key.trim() === ''}>
        Add filter
      </button>
    </form>
  )
}

export function TagFilterBar({
  tags,
  onChange,
}: {
  tags: readonly TagFilter[]
  onChange: (tags: TagFilter[]) => void
}) {
  return (
    <>
      <TagFilterForm
        onAdd={(filter) => {
          onChange([...tags, filter])
        }}
      />
      <ul className="chips" aria-label="Active tag filters">
        {tags.map((tag, index) => (
          <li key={`${tag.key}${tag.operator}${tag.value}${index}`} className="chip">
            <span>
              {tag.key} {OPERATOR_LABEL[tag.operator]} “{tag.value}”
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove filter ${tag.key} ${OPERATOR_LABEL[tag.operator]} ${tag.value}`}
              onClick={() => {
                onChange(tags.filter((_, i) => i !== index))
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
