import { useEffect, useId, useLayoutEffect, useRef, type ReactNode, type SyntheticEvent } from 'react'

interface DialogProps {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  /** When set, the dialog is a form: Enter submits, and the footer holds its buttons. */
  onSubmit?: () => void
  footer: ReactNode
}

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes on Escape, and
 * returns focus to the opener, so no dialog library is needed.
 */
export function Dialog({ open, title, onClose, children, onSubmit, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog === null) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  // Close before React removes the element, so the browser gives focus back to the opener.
  useLayoutEffect(() => {
    const dialog = ref.current
    return () => {
      if (dialog?.open === true) dialog.close()
    }
  }, [])
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSubmit?.()
  }
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form method="dialog" onSubmit={submit}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-footer">{footer}</div>
      </form>
    </dialog>
  )
}

interface DialogFooterProps {
  /** The submitting button's text, e.g. "Create" or "Creating…". */
  submitLabel: string
  onCancel: () => void
  disabled?: boolean
  /** Destructive actions get a filled red button, so it cannot be mistaken for Cancel. */
  destructive?: boolean
}

/** The usual footer of a form dialog: Cancel, and the button that submits the form. */
export function DialogFooter({ submitLabel, onCancel, disabled, destructive = false }: DialogFooterProps) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button
        type="submit"
        className={`button ${destructive ? 'button-danger-solid' : 'button-primary'}`}
        disabled={disabled}
      >
        {submitLabel}
      </button>
    </>
  )
}

interface ConfirmDialogProps {
  title: string
  /** The confirming button's text, e.g. "Delete 3 runs". */
  confirmLabel: string
  /** Destructive actions get a filled red button, so it cannot be mistaken for Cancel. */
  destructive?: boolean
  onConfirm: () => void
  onClose: () => void
  children: ReactNode
}

/** A yes/no question: Cancel, or confirm and close. */
export function ConfirmDialog({
  title,
  confirmLabel,
  destructive = false,
  onConfirm,
  onClose,
  children,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      onSubmit={() => {
        onConfirm()
        onClose()
      }}
      footer={<DialogFooter submitLabel={confirmLabel} destructive={destructive} onCancel={onClose} />}
    >
      {children}
    </Dialog>
  )
}
