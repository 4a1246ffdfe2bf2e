import { MarkdownEditor, type MarkdownEditorClassNames } from '@/ui/markdown-editor'

const CLASS_NAMES: MarkdownEditorClassNames = {
  section: 'mv-section',
  header: 'mv-section-header',
  editor: 'mv-description-editor',
  panes: 'mv-description-panes',
  pane: 'mv-description-pane',
  textarea: 'mv-description-textarea',
  preview: 'mv-description-preview',
  hint: 'muted mv-form-note',
  actions: 'mv-actions',
}

interface ModelVersionDescriptionProps {
  description: string
  onSave: (description: string) => Promise<boolean>
}

/**
 * The version's Markdown description, edited in place: a textarea with a live preview, Save
 * (Ctrl/⌘+Enter) and Cancel (Escape). A refused save opens the editor again with the text.
 */
export function ModelVersionDescription({ description, onSave }: ModelVersionDescriptionProps) {
  return <MarkdownEditor value={description} onSave={onSave} classNames={CLASS_NAMES} rows={8} />
}
