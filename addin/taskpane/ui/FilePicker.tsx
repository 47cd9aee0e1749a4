// The pane's one file chooser: a button that opens it, the input itself hidden but labelled for screen readers.
import { Button, makeStyles } from '@fluentui/react-components'
import { type ReactNode, useRef } from 'react'
import { usePanelStyles } from './panel-styles'

const useStyles = makeStyles({ hidden: { display: 'none' } })

/** A button that opens the file chooser for one file; the same file can be chosen again. */
export function FilePicker(props: {
  label: string
  accept: string
  describedBy: string
  disabled: boolean
  onFile: (file: File) => void
  children: ReactNode
}) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={props.accept}
        aria-label={props.label}
        onChange={(e) => {
          const chosen = e.target.files?.[0]
          if (chosen) props.onFile(chosen)
          e.target.value = ''
        }}
      />
      <div className={styles.buttons}>
        <Button
          aria-describedby={props.describedBy}
          disabled={props.disabled}
          onClick={() => input.current?.click()}
        >
          {props.children}
        </Button>
      </div>
    </>
  )
}
