import { useState, type ReactNode } from 'react'
import type { RegisterTarget } from '@/domain/models/logged-model-register'
import { RegisterModelDialog } from './register-model-dialog'

/** "Register model", opening the dialog for `target` (mounted only while open, so it starts afresh). */
export function RegisterModelButton({
  target,
  suggestedName,
  renderVersionLink,
  small = false,
}: {
  target: RegisterTarget
  suggestedName: string
  renderVersionLink: (name: string, version: string, label: string) => ReactNode
  small?: boolean
}) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className={small ? 'button button-small' : 'button button-primary'}
        onClick={() => {
          setOpen(true)
        }}
      >
        Register model
      </button>
      {open && (
        <RegisterModelDialog
          target={target}
          initialName={suggestedName}
          onClose={() => {
            setOpen(false)
          }}
          renderVersionLink={renderVersionLink}
        />
      )}
    </>
  )
}
