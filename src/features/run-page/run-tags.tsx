import { SYSTEM_TAGS } from '@/domain/runs/run'
import { isSystemTag, tagKeyProblem, tagValueProblem } from '@/domain/runs/run-tag-rules'
import { TagEditor, type TagEditorClasses, type TagsProps } from '@/ui/tag-editor'

// The name and the description have their own place on the page (the note can be long).
const SHOWN_ELSEWHERE = new Set<string>([SYSTEM_TAGS.runName, SYSTEM_TAGS.note])

const CLASSES: TagEditorClasses = {
  section: 'run-tags',
  header: 'section-header',
  table: 'run-tag-table',
  valueCell: 'tag-value',
  actionsCell: 'tag-actions',
  addForm: 'tag-add-form',
  editForm: 'tag-editor',
  valueInput: 'tag-value-input',
}

/**
 * User tags, editable (add, change a value, delete; not on a deleted run, which has no `onSet`);
 * MLflow's own `mlflow.*` tags, read-only and folded.
 */
export function RunTags(props: TagsProps) {
  return (
    <TagEditor
      {...props}
      keyProblem={tagKeyProblem}
      valueProblem={tagValueProblem}
      duplicateProblem={(key) => `This run already has a tag “${key}”: change its value in the table.`}
      multiline
      selectOnEdit
      isSystemTag={isSystemTag}
      isHidden={(key) => SHOWN_ELSEWHERE.has(key)}
      showEmptySystemTags
      classes={CLASSES}
    />
  )
}
