import { MarkdownEditor, type MarkdownEditorClassNames } from '@/ui/markdown-editor'

const CLASS_NAMES: MarkdownEditorClassNames = {
  section: 'registry-section',
  header: 'section-header',
  editor: 'note-editor',
  panes: 'registry-editor-panes',
  pane: 'registry-editor-pane',
  textarea: 'registry-textarea',
  preview: 'registry-preview',
  hint: 'muted',
  actions: 'registry-editor-actions',
}

interface DescriptionProps {
  description: string
  /** Undefined while the model cannot be edited (being deleted). */
  onSave: ((description: string) => Promise<boolean>) | undefined
}

/**
 * The model's Markdown description, edited in place: a textarea with a live preview, Save
 * (Ctrl/⌘+Enter) and Cancel (Escape). A refused save opens the editor again with the text.
 */
export function RegisteredModelDescription({ description, onSave }: DescriptionProps) {
  return <MarkdownEditor value={description} onSave={onSave} classNames={CLASS_NAMES} rows={10} />
}
