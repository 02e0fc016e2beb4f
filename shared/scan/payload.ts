// What a scan holds: a resident ID (card reader, or the barcode on a form), a plate, or a QR code
// that carries a person (health-code and registration QR codes hold an ID and/or a name in a few
// common shapes: JSON, key=value pairs, a URL's query, or plain fields separated by , | ; or
// line breaks). Anything else is text for the field that has focus.
import { classifyPlate } from '../plate';
import { compactKey, toHalfWidth } from '../text';

export type ScanPayload =
  | { kind: 'residentId'; id: string }
  | { kind: 'plate'; plate: string }
  | { kind: 'person'; id?: string; name?: string; phone?: string }
  | { kind: 'text'; text: string };

/** 18 characters (17 digits + digit or X) or the older 15 digits; the form's validator checks the rest. */
const WHOLE_ID = /^(?:\d{17}[\dX]|\d{15})$/;
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/;
const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d{9})(?!\d)/;
/** A Chinese name: 2–5 汉字, minority names with a middle dot (买买提·艾力). */
const CJK_NAME = /^[\u3400-\u9fff]{1,6}(?:[·•][\u3400-\u9fff]{1,8})?$/;

// Field names seen in QR codes of health codes, registration forms and ID-reader software.
const NAME_KEYS = ['name', 'xm', 'username', 'realname', 'fullname', '姓名', '名字'];
const ID_KEYS = ['id', 'idno', 'idnumber', 'idcard', 'idcardno', 'sfzh', 'sfz', 'zjhm', 'certno', 'cardno', 'cardid', '身份证', '身份证号', '身份证号码', '证件号', '证件号码', '公民身份号码'];
const PHONE_KEYS = ['phone', 'mobile', 'tel', 'sjh', 'lxdh', 'phoneno', 'mobileno', '手机', '手机号', '手机号码', '电话', '联系电话'];

const normKey = (k: string) => k.toLowerCase().replace(/[\s_\-.]/g, '');

function fromPairs(pairs: [string, string][]): { id?: string; name?: string; phone?: string } {
  const out: { id?: string; name?: string; phone?: string } = {};
  for (const [k, raw] of pairs) {
    const key = normKey(k);
    const v = raw.trim();
    if (v === '') continue;
    if (out.name === undefined && NAME_KEYS.includes(key)) out.name = v;
    else if (out.id === undefined && ID_KEYS.includes(key)) out.id = compactKey(v);
    else if (out.phone === undefined && PHONE_KEYS.includes(key)) out.phone = v.replace(/\s/g, '');
  }
  return out;
}

function jsonPairs(text: string): [string, string][] | undefined {
  if (!/^\s*\{[\s\S]*\}\s*$/.test(text)) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const pairs: [string, string][] = [];
    // One level of nesting ({"data": {"name": …}}) is common in health-code payloads.
    const walk = (o: object, depth: number) => {
      for (const [k, v] of Object.entries(o)) {
        if (typeof v === 'string' || typeof v === 'number') pairs.push([k, String(v)]);
        else if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 2) walk(v as object, depth + 1);
      }
    };
    walk(parsed, 0);
    return pairs;
  } catch {
    return undefined;
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** key=value / key:value pairs separated by & ; , | or line breaks (a URL's query included). */
function textPairs(text: string): [string, string][] {
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  return query
    .split(/[&;,|\n\r]+/)
    .map((part) => /^\s*([^=:：]+?)\s*[=:：]\s*(.*)$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [decode(m[1] ?? ''), decode(m[2] ?? '')]);
}

/** Fields without labels: an ID and a name among plain fields (`张三,510722…`). */
function unlabelled(text: string): { id?: string; name?: string; phone?: string } {
  const out: { id?: string; name?: string; phone?: string } = {};
  const id = ID_IN_TEXT.exec(text)?.[1];
  if (id === undefined) return out;
  out.id = id.toUpperCase();
  const fields = text.split(/[,，|;；\t\n\r/\s]+/).map((f) => f.trim());
  const name = fields.find((f) => CJK_NAME.test(f));
  if (name !== undefined) out.name = name;
  const phone = PHONE_IN_TEXT.exec(text.replace(id, ''))?.[1];
  if (phone !== undefined) out.phone = phone;
  return out;
}

export function classifyScan(raw: string): ScanPayload {
  const text = toHalfWidth(raw).trim();
  const compact = compactKey(text);
  if (WHOLE_ID.test(compact)) return { kind: 'residentId', id: compact };
  const plate = classifyPlate(compact);
  // Military shapes (two letters, five digits) are too easily some other code to be routed as a plate.
  if (plate.valid && plate.kind !== 'military' && plate.kind !== 'unknown') return { kind: 'plate', plate: plate.plate };
  const labelled = fromPairs(jsonPairs(text) ?? textPairs(text));
  const person = labelled.id !== undefined || labelled.name !== undefined ? labelled : unlabelled(text);
  if (person.id !== undefined || person.name !== undefined) return { kind: 'person', ...person };
  return { kind: 'text', text: raw };
}
