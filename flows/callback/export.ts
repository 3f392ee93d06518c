/**
 * The callback queue as a file: CSV (UTF-8 with BOM, so Excel shows Vietnamese) or XLSX. Cells that a spreadsheet
 * would read as a formula (=, +, -, @ first) are prefixed with an apostrophe: residents type these fields.
 */
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { CallbackListRow } from '../../db/queries/callbacks.ts';
import { TIMEZONE } from '../../src/core/clock.ts';
import { localPhone } from './phone.ts';
import { WINDOW_LABELS } from './texts.ts';

const HEADER = ['Mã', 'Trạng thái', 'Mã đơn vị', 'Đơn vị', 'Họ tên', 'Số điện thoại', 'Thời gian muốn gọi', 'Câu hỏi', 'Người được giao', 'Gọi hụt', 'Tạo lúc', 'Hạn nhận', 'Đóng lúc', 'Ghi chú'];

function when(at: Date | null): string {
  return at ? DateTime.fromJSDate(at, { zone: TIMEZONE }).toFormat('yyyy-MM-dd HH:mm') : '';
}

/** Neutralise spreadsheet formulas in text typed by people. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cells(r: CallbackListRow): (string | number)[] {
  return [
    r.reference,
    r.status,
    r.unitCode ?? '',
    r.unitName ?? '',
    safeCell(r.name ?? ''),
    localPhone(r.phone),
    r.preferredTime ? WINDOW_LABELS[r.preferredTime] : '',
    safeCell(r.topic ?? ''),
    r.assigneeName ?? '',
    r.attempts,
    when(r.createdAt),
    when(r.deadlineAt),
    when(r.closedAt),
    safeCell(r.notes ?? ''),
  ];
}

/** The rows as a CSV or XLSX file. */
export async function exportCallbacks(rows: readonly CallbackListRow[], format: 'csv' | 'xlsx', now: Date): Promise<Buffer> {
  const table = rows.map(cells);
  if (format === 'csv') return Buffer.from(stringify([HEADER, ...table], { bom: true }), 'utf8');
  // exceljs is large; load it only when someone asks for a spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.created = now;
  const ws = wb.addWorksheet('Yêu cầu gọi lại', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(HEADER).font = { bold: true };
  for (const r of table) ws.addRow(r);
  for (const [col, width] of [[4, 28], [5, 24], [8, 40], [9, 20]] as const) ws.getColumn(col).width = width;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
