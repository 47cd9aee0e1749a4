// A stand-in for Office's CustomFunctions global, shaped as office.js defines it: an Error class with code and message, the ErrorCode enum, associate.

/** The codes of CustomFunctions.ErrorCode, with the values Office gives them. */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const

export class StubExcelError {
  readonly code: string
  readonly message: string | undefined
  constructor(code: string, message?: string) {
    this.code = code
    this.message = message
  }
}

export interface CustomFunctionsStub {
  readonly Error: typeof StubExcelError
  readonly ErrorCode: typeof ERROR_CODES
  /** Every (id, function) passed to associate, in order. */
  readonly associated: [string, unknown][]
  associate(id: string, fn: unknown): void
}

export function customFunctionsStub(): CustomFunctionsStub {
  const associated: [string, unknown][] = []
  return {
    Error: StubExcelError,
    ErrorCode: ERROR_CODES,
    associated,
    associate(id: string, fn: unknown) {
      associated.push([id, fn])
    },
  }
}

/** Installs the stub as the global `CustomFunctions` of this process; returns it. */
export function installCustomFunctions(): CustomFunctionsStub {
  const stub = customFunctionsStub()
  Object.defineProperty(globalThis, 'CustomFunctions', {
    value: stub,
    configurable: true,
    writable: true,
  })
  return stub
}

export function removeCustomFunctions(): void {
  Reflect.deleteProperty(globalThis, 'CustomFunctions')
}

/** The Excel error a custom function threw; fails if it returned, or threw anything else. */
export function excelErrorOf(call: () => unknown): StubExcelError {
  let result: unknown
  try {
    result = call()
  } catch (error) {
    if (error instanceof StubExcelError) return error
    throw new Error(`exception non convertie en erreur Excel : ${String(error)}`)
  }
  throw new Error(`aucune erreur : la fonction a rendu ${JSON.stringify(result)}`)
}
