import { modelTagValueProblem } from '@/domain/models/registered-model-edits'
import { tagKeyProblem } from '@/domain/runs/run-tag-rules'
import { TagEditor, type TagEditorClasses, type TagsProps } from '@/ui/tag-editor'

const CLASSES: TagEditorClasses = {
  section: 'registry-section',
  header: 'section-header',
  table: 'registry-tag-table',
  valueCell: 'registry-tag-value',
  actionsWrapper: 'registry-row-actions',
  addForm: 'registry-tag-form',
  editForm: 'registry-tag-form',
  valueInput: 'tag-value-input',
}

/** The model's tags: add, change a value, delete. */
export function RegisteredModelTags(props: TagsProps) {
  return (
    <TagEditor
      {...props}
      keyProblem={tagKeyProblem}
      valueProblem={modelTagValueProblem}
      duplicateProblem={(key) => `This model already has a tag “${key}”: edit it in the list.`}
      multiline={false}
      selectOnEdit
      classes={CLASSES}
    />
  )
}
