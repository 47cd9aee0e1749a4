// Offers a file to the person as a download, from the page (the workbook never sees it).
import type { FileToSave } from '../actions/export-budget'

export function download(file: FileToSave): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.type }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
