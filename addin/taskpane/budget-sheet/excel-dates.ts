// Dates between the budget (ISO strings) and Excel (day serials shown with a date format).
export {
  excelSerial as excelSerialFromIso,
  isoFromExcelSerial,
} from '../../functions/excel-input'
