// Dates between the budget (ISO strings) and Excel (day serials shown with a date format).
export { isoFromExcelSerial } from '../../functions/excel-input'
export { excelSerial as excelSerialFromIso } from '../../functions/spill'
