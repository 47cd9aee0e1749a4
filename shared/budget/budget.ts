// The checked budget: a budget document that crossed the core's door, trusted by everything inside it.
import type { BudgetDocument } from './schema'

declare const checked: unique symbol

/**
 * A budget document checked and in canonical form (see parseBudget). Only parseBudget and the
 * readers built on it (JSON, CSV, rows of cells) make one; the check takes it without checking
 * it again. Treat it as read-only: a changed copy is a document, to be parsed again.
 */
export type Budget = BudgetDocument & { readonly [checked]: true }

const budgets = new WeakSet<object>()

/** Marks a document parseBudget has just checked and put in canonical form. */
export function asChecked(doc: BudgetDocument): Budget {
  budgets.add(doc)
  return doc as Budget
}

/** Is this the very object parseBudget returned (not a copy, not a document built by hand)? */
export function isBudget(doc: BudgetDocument): doc is Budget {
  return budgets.has(doc)
}
