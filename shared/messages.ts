// What the booth worker reads when an entry is wrong: short, plain, and saying what to do.
import type { KeyAreaLineCode } from './keyAreas';
import type { Locale } from './model';
import type { DocErrorCode, IdErrorCode } from './residentId';
import type { Bilingual } from './result';
import type { SettingsCode } from './settings';
import type { PinCode } from './privacy/pin';
import { fill } from './i18n/fill';

export type ValidationCode =
  | IdErrorCode
  | DocErrorCode
  | 'phone.empty'
  | 'phone.format'
  | 'temp.empty'
  | 'temp.notNumber'
  | 'temp.implausible'
  | 'temp.fahrenheit'
  | 'plate.empty'
  | 'plate.unknown'
  | 'plate.rare'
  | 'required'
  | 'name.tooLong'
  | 'recheck.required'
  | 'disposition.feverRequired'
  | 'keyArea.inspectRequired'
  | 'keyArea.disinfectRequired'
  | KeyAreaLineCode
  | SettingsCode
  // imports: data fidelity
  | 'text.invisible'
  // incidents (shared/incident.ts)
  | 'incident.descriptionRequired'
  | 'incident.voidReasonRequired'
  // opening a shift (shared/shift/openShift.ts)
  | 'shift.checkpointRequired'
  | 'shift.nameRequired'
  | 'shift.leadRequired'
  | 'shift.staffRequired'
  | 'shift.staffTooMany'
  // operators and PINs (access: shared/privacy/pin.ts)
  | PinCode;

// Placeholders: {c} converted °C, {max} length limit, {line} fever line, {plate} the plate.
export const MESSAGES: Record<ValidationCode, Bilingual> = {
  'id.empty': { zh: '请填写身份证号', en: 'Enter the ID number' },
  'id.length': { zh: '身份证号应为18位（老证15位），请核对位数', en: 'An ID number has 18 digits (old cards 15) — check the length' },
  'id.chars': { zh: '身份证号只能是数字，最后一位可以是X', en: 'An ID number is digits only; only the last may be X' },
  'id.checksum': { zh: '身份证号校验位不对，请核对后重输', en: 'ID check digit is wrong — re-check the number' },
  'id.birth': { zh: '身份证号里的出生日期不对，请核对', en: 'The birth date inside the ID number is not possible — re-check it' },
  'id.area': { zh: '身份证号开头的地区码不对，请核对', en: 'The region code at the start of the ID number is wrong — re-check it' },
  'id.excelMangled': {
    zh: '身份证号被Excel改成了科学计数法，已无法还原，请按证件重新输入',
    en: 'Excel turned this ID into scientific notation; it cannot be recovered — type it again from the card',
  },
  'doc.empty': { zh: '请填写证件号码', en: 'Enter the document number' },
  'doc.format': { zh: '证件号码与证件类型不符，请核对', en: 'The number does not fit this document type — check both' },
  'phone.empty': { zh: '请填写联系电话', en: 'Enter a phone number' },
  'phone.format': {
    zh: '电话不对：手机11位，座机带区号，境外号码带国家或地区码（如+852）',
    en: 'Wrong number: a mobile has 11 digits, a landline its area code, a number abroad its country code (+852)',
  },
  'temp.empty': { zh: '请填写体温', en: 'Enter the temperature' },
  'temp.notNumber': { zh: '体温请填数字，例如 36.5', en: 'Enter the temperature as a number, e.g. 36.5' },
  'temp.implausible': {
    zh: '体温不在 34.0–42.5 ℃ 之间，可能输错了，请重测或重输',
    en: 'Not between 34.0 and 42.5 °C — probably mistyped; measure or type again',
  },
  'temp.fahrenheit': { zh: '这像是华氏度，是否为 {c} ℃？', en: 'This looks like Fahrenheit — did you mean {c} °C?' },
  'plate.empty': { zh: '请填写车牌号', en: 'Enter the plate number' },
  'plate.unknown': {
    zh: '车牌 {plate} 格式未知，请核对；无误请勾选下方确认框',
    en: 'Plate {plate} has an unknown format: check it; if it is right, tick the box below',
  },
  'plate.rare': {
    zh: '军队/武警号牌格式，卡口少见：是否漏了空格（e a12345）？无误请勾选确认框',
    en: 'A military / armed-police plate is rare here: a missed space (e a12345)? If it is right, tick the box below',
  },
  required: { zh: '此项必填', en: 'Required' },
  'name.tooLong': { zh: '内容太长，最多 {max} 个字', en: 'Too long — at most {max} characters' },
  'recheck.required': {
    zh: '体温达到 {line} ℃，请复测后填写复测体温',
    en: 'Reading at or above {line} °C — recheck and enter the second reading',
  },
  'disposition.feverRequired': {
    zh: '复测仍发热，不能直接放行，请选择处置方式',
    en: 'Still feverish on recheck — cannot simply be released; choose a disposition',
  },
  'keyArea.inspectRequired': { zh: '重点地区车辆须全面查验后放行', en: 'Key-area vehicle: inspect fully before release' },
  'keyArea.disinfectRequired': { zh: '重点地区车辆须消毒后放行', en: 'Key-area vehicle: disinfect before release' },
  'keyArea.nameEmpty': { zh: '这一行缺少地区名', en: 'This line has no place name' },
  'keyArea.badDate': { zh: '日期不对，请写成 2020-01-23', en: 'Date is wrong — write it as 2020-01-23' },
  'keyArea.badRange': { zh: '结束日期早于开始日期', en: 'End date is before start date' },
  // Settings (shared/settings.ts): a threshold and a plate character, not a reading or a plate.
  'settings.checkpointTooLong': { zh: '卡点名称太长，最多 {max} 个字', en: 'Checkpoint name too long — at most {max} characters' },
  'settings.homeProvince': { zh: '请填一个省份简称，如 川、鄂、粤', en: 'Enter one province character, the first character of a local plate' },
  'settings.feverLineEmpty': { zh: '请填写发热标准，如 37.3', en: 'Enter the fever line, e.g. 37.3' },
  'settings.feverLineNotNumber': { zh: '发热标准请填数字，如 37.3', en: 'Enter the fever line as a number, e.g. 37.3' },
  'settings.feverLineRange': { zh: '发热标准应在 {min}–{max} ℃ 之间', en: 'The fever line must be between {min} and {max} °C' },
  'settings.feverLineFahrenheit': { zh: '这像是华氏度（约 {c} ℃），发热标准请填摄氏度', en: 'This looks like Fahrenheit (about {c} °C): enter the fever line in °C' },
  'settings.keyAreaLine': { zh: '重点地区有误，未保存', en: 'The key-area list has mistakes; nothing saved' },
  // audit: retention period (shared/settings.ts parseRetentionDays)
  'settings.retentionDays': { zh: '保留天数应为 {min}–{max} 之间的整数', en: 'Enter whole days between {min} and {max}' },
  'settings.idleLock': { zh: '自动锁屏时间须为 {min}–{max} 分钟的整数', en: 'The idle lock is a whole number of minutes, {min}–{max}' },
  // imports: data fidelity
  'text.invisible': { zh: '只有看不见的字符（如零宽字符），请输入实际内容', en: 'Only invisible characters (such as zero-width spaces) — enter the actual text' },
  // incidents (shared/incident.ts)
  'incident.descriptionRequired': { zh: '请填写经过描述：发生了什么', en: 'Describe what happened' },
  'incident.voidReasonRequired': { zh: '请填写作废原因', en: 'Give the reason for voiding' },
  // opening a shift (shared/shift/openShift.ts)
  'shift.checkpointRequired': { zh: '请填写卡点名称', en: 'The checkpoint name is required' },
  'shift.nameRequired': { zh: '请填写班次名称', en: 'Name the shift' },
  'shift.leadRequired': { zh: '请填写值班负责人', en: 'The shift lead is required' },
  'shift.staffRequired': { zh: '请至少登记一名值班人员', en: 'At least one staff member is required' },
  'shift.staffTooMany': { zh: '一个班次最多登记 100 名值班人员', en: 'A shift has at most 100 staff members' },
  // operators and PINs (access)
  'pin.required': { zh: '请设置密码（4–6 位数字）', en: 'Set a PIN (4–6 digits)' },
  'pin.format': { zh: '密码须为 4–6 位数字', en: 'A PIN is 4–6 digits' },
  'pin.mismatch': { zh: '两次输入的密码不一致', en: 'The two PINs differ' },
};

/** A rule broken by one field: the code and its placeholders (forms, recheck, storage). */
export interface FieldError {
  code: ValidationCode;
  params?: Record<string, string | number>;
}

/** Field path ('plate', 'occupants.1.temp', …) → what is wrong with it. */
export type FieldErrors = Record<string, FieldError>;

/** Fills {name} placeholders (shared/i18n/fill.ts); one without a value stays visible rather than vanishing. */
export function formatMessage(code: ValidationCode, locale: Locale, params?: Record<string, string | number>): string {
  return fill(MESSAGES[code][locale], params, locale);
}
