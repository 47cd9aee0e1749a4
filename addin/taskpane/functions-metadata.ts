// The shape of functions.json as Microsoft's generator writes it, for the parts the task pane reads.

export interface FunctionParameter {
  readonly name: string
  readonly description?: string
  readonly type?: string
  readonly optional?: boolean
  readonly dimensionality?: 'scalar' | 'matrix'
}

export interface FunctionMetadata {
  readonly id: string
  readonly name: string
  readonly description?: string
  readonly parameters: readonly FunctionParameter[]
  readonly result?: { readonly type?: string; readonly dimensionality?: 'scalar' | 'matrix' }
}

export interface FunctionsJson {
  readonly functions: readonly FunctionMetadata[]
}
