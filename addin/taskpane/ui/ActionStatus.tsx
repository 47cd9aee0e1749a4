// What the pane says about its actions: the one running, then how it went.
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components'
import type { Notice } from '../actions/notice'

export function ActionStatus({ busy, notice }: { busy: string | null; notice: Notice | null }) {
  return (
    <>
      {busy !== null && <Spinner size="tiny" label={`${busy} en cours…`} />}
      {notice !== null && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
            {notice.items !== undefined && (
              <ul>
                {notice.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  )
}
