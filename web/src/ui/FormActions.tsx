interface FormActionsProps {
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** Shown as a quiet second button when given. */
  cancel?: { label: string; onClick: () => void };
}

/** The submit (and optional cancel) row every form ends with; submit is disabled while saving. */
export function FormActions({ pending, submitLabel, pendingLabel, cancel }: FormActionsProps) {
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {cancel && (
        <button type="button" className="button button--quiet" onClick={cancel.onClick}>
          {cancel.label}
        </button>
      )}
    </div>
  );
}
