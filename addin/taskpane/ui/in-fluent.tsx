// Fluent's provider around a part of the pane that comes later: its components' styles, focus indicators and portals, without a box of its own.
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import type { ComponentType, ReactNode } from 'react'

// The first screen draws Fluent's look from style sheets (pane.css, the theme's variables) and
// needs no provider; what comes with Fluent's components brings the provider with it, so that
// neither its code nor its setup weighs on the first render.
export function InFluent({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme} className="aci-in-fluent">
      {children}
    </FluentProvider>
  )
}

/** A part of the pane inside its provider. */
export function inFluent<P extends object>(Part: ComponentType<P>): ComponentType<P> {
  return function PartInFluent(props: P) {
    return (
      <InFluent>
        <Part {...props} />
      </InFluent>
    )
  }
}
