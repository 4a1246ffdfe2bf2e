import { versionTagKeyProblem, versionTagValueProblem } from '@/domain/models/model-version-edits'
import { TagEditor, type TagEditorClasses, type TagsProps } from '@/ui/tag-editor'

const CLASSES: TagEditorClasses = {
  section: 'mv-section',
  header: 'mv-section-header',
  table: 'mv-tag-table',
  valueCell: 'mv-tag-value',
  actionsCell: 'mv-tag-actions',
  addForm: 'mv-inline-form mv-add-tag',
  editForm: 'mv-inline-form',
  valueInput: 'mv-tag-value-input',
}

/** The version's tags: add one, change a value in place, delete one. */
export function ModelVersionTags(props: TagsProps) {
  return (
    <TagEditor
      {...props}
      keyProblem={versionTagKeyProblem}
      valueProblem={versionTagValueProblem}
      duplicateProblem={(key) => `This version already has a tag “${key}”: change its value in the table.`}
      multiline
      selectOnEdit
      classes={CLASSES}
    />
  )
}
