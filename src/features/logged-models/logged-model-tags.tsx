import { isLoggedModelSystemTag } from '@/domain/models/logged-model-edits'
import { tagKeyProblem, tagValueProblem } from '@/domain/runs/run-tag-rules'
import { TagEditor, type TagEditorClasses, type TagsProps } from '@/ui/tag-editor'

const CLASSES: TagEditorClasses = {
  section: 'logged-model-section',
  header: 'section-header',
  valueCell: 'tag-value',
  actionsCell: 'tag-actions',
  addForm: 'tag-add-form',
  editForm: 'tag-add-form',
  valueInput: 'tag-value-input',
}

/** The model's tags: user tags editable (add, change, delete), MLflow's own read-only. */
export function LoggedModelTags(props: TagsProps) {
  return (
    <TagEditor
      {...props}
      keyProblem={tagKeyProblem}
      valueProblem={tagValueProblem}
      duplicateProblem={(key) => `This model already has a tag “${key}”: edit it in the table.`}
      multiline={false}
      selectOnEdit={false}
      isSystemTag={isLoggedModelSystemTag}
      classes={CLASSES}
    />
  )
}
