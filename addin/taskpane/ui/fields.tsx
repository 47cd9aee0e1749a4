// Light form fields for the first screen: the markup and accessibility of Fluent's Field, Input, Checkbox, Radio and Badge, styled by fields.css.
import { type ChangeEvent, type ReactNode, useId } from 'react'
import './fields.css'

// Fluent's components compute their classes and wire their slots at every render; on the profile
// form, opened with every pane, that was a third of the first render. These render the same
// elements with the same roles, names and states, and leave the look to a style sheet.

const ERROR_ICON =
  'M4.59 1.09a2 2 0 0 1 2.82 0l3.5 3.5a2 2 0 0 1 0 2.82l-3.5 3.5a2 2 0 0 1-2.82 0l-3.5-3.5a2 2 0 0 1 0-2.83zm3.26 3.06a.5.5 0 0 0-.7 0L6 5.29 4.85 4.15a.5.5 0 0 0-.7.7L5.29 6 4.15 7.15a.5.5 0 0 0 .7.7L6 6.71l1.15 1.14a.5.5 0 1 0 .7-.7L6.71 6l1.14-1.15a.5.5 0 0 0 0-.7'
const CHECKMARK =
  'M9.76 3.2c.3.29.32.76.04 1.06l-4.25 4.5a.75.75 0 0 1-1.08.02L2.22 6.53a.75.75 0 0 1 1.06-1.06l1.7 1.7L8.7 3.24a.75.75 0 0 1 1.06-.04'

/** One of Fluent's 12-pixel filled icons (DiamondDismiss, Checkmark), as @fluentui/react-icons draws them. */
function Icon12({ path }: { path: string }) {
  return (
    <svg fill="currentColor" aria-hidden="true" width="1em" height="1em" viewBox="0 0 12 12">
      <path d={path} />
    </svg>
  )
}

interface TextFieldProps {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly onBlur?: () => void
  readonly required?: boolean
  /** What is wrong with the value: the field turns red and says it. */
  readonly error?: string | undefined
  /** What is expected, under the field while it is not in error. */
  readonly hint?: string | undefined
  readonly type?: 'text' | 'date'
  readonly inputMode?: 'numeric' | 'decimal'
  /** A name for the input other than its label (the mission it belongs to). */
  readonly ariaLabel?: string
  /** Text after the value, inside the frame (a unit). */
  readonly contentAfter?: string
  readonly className?: string
  readonly inputClassName?: string
}

/** A labelled text or date input, with its message: Fluent's Field around an Input. */
export function TextField({
  label,
  value,
  onChange,
  onBlur,
  required = false,
  error,
  hint,
  type = 'text',
  inputMode,
  ariaLabel,
  contentAfter,
  className,
  inputClassName,
}: TextFieldProps) {
  const id = useId()
  const messageId = `${id}-message`
  const hintId = `${id}-hint`
  const describedBy =
    [error === undefined ? '' : messageId, hint === undefined ? '' : hintId]
      .filter(Boolean)
      .join(' ') || undefined
  const frame = ['aci-input', contentAfter === undefined ? '' : 'aci-input-after', inputClassName]
  return (
    <div className={className === undefined ? 'aci-field' : `aci-field ${className}`}>
      <label htmlFor={id} className="aci-field-label">
        {label}
        {required && (
          <span aria-hidden="true" className="aci-field-required">
            *
          </span>
        )}
      </label>
      <span className={frame.filter(Boolean).join(' ')}>
        <input
          id={id}
          type={type}
          className="aci-input-control"
          value={value}
          inputMode={inputMode}
          aria-label={ariaLabel}
          required={required || undefined}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={describedBy}
          onBlur={onBlur}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
        {contentAfter !== undefined && <span className="aci-input-content">{contentAfter}</span>}
      </span>
      {error !== undefined && (
        <div id={messageId} role="alert" className="aci-field-message aci-field-error">
          <span className="aci-field-icon">
            <Icon12 path={ERROR_ICON} />
          </span>
          {error}
        </div>
      )}
      {hint !== undefined && (
        <div id={hintId} className="aci-field-message">
          {hint}
        </div>
      )}
    </div>
  )
}

interface CheckboxProps {
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  readonly label: ReactNode
  readonly title?: string
}

/** Fluent's Checkbox, medium, label after. */
export function Checkbox({ checked, onChange, label, title }: CheckboxProps) {
  const id = useId()
  return (
    <span className="aci-check aci-checkbox">
      <input
        id={id}
        type="checkbox"
        className="aci-check-input"
        checked={checked}
        title={title}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div aria-hidden="true" className="aci-check-indicator">
        {checked && <Icon12 path={CHECKMARK} />}
      </div>
      <label htmlFor={id} className="aci-check-label">
        {label}
      </label>
    </span>
  )
}

interface RadioFieldProps<V extends string> {
  readonly label: string
  readonly value: V
  readonly options: readonly { readonly value: V; readonly label: string }[]
  readonly onChange: (value: V) => void
}

/** A labelled group of radio buttons: Fluent's Field around a RadioGroup, the arrows move the choice. */
export function RadioField<V extends string>({
  label,
  value,
  options,
  onChange,
}: RadioFieldProps<V>) {
  const id = useId()
  return (
    <div className="aci-field">
      <span id={`${id}-label`} className="aci-field-label">
        {label}
      </span>
      <div role="radiogroup" aria-labelledby={`${id}-label`} className="aci-radio-group">
        {options.map((option, i) => (
          <span key={option.value} className="aci-check aci-radio">
            <input
              id={`${id}-${i}`}
              type="radio"
              name={id}
              value={option.value}
              className="aci-check-input"
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <div aria-hidden="true" className="aci-check-indicator" />
            <label htmlFor={`${id}-${i}`} className="aci-check-label">
              {option.label}
            </label>
          </span>
        ))}
      </div>
    </div>
  )
}

/** Fluent's Badge, small, circular, tint: brand or informative. */
export function Badge({ color, children }: { color: 'brand' | 'informative'; children: string }) {
  return <span className={`aci-badge aci-badge-${color}`}>{children}</span>
}
