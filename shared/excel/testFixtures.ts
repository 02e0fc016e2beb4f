// A realistic shift for the handover and import tests, built from plain data: a night shift at
// a highway exit with the awkward values a booth really meets — an ID ending in X, an old
// 15-digit ID, a passport, a name that is a formula, a leading-zero number, a fever case
// rechecked and sent to the fever clinic, a voided vehicle, an incident and a correction made
// after the shift was closed. Not a test file itself, so it stays pure like the rest of shared/.
import type { Amendment, Incident, Person, PersonDisposition, Shift, Symptom, Vehicle, VehicleDisposition } from '../model';
import { docRevOf } from '../derived';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Completes 17 digits with the GB 11643 check character. */
export function withCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}

export const TZ_CHINA = 480;
const MIN = 60_000;

/** Epoch ms of a Beijing-time wall clock. */
export function beijing(y: number, mo: number, d: number, h: number, mi = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi) - TZ_CHINA * MIN;
}

export interface ShiftFixture {
  shift: Shift;
  vehicles: Vehicle[];
  persons: Person[];
  incidents: Incident[];
}

export interface FixtureOptions {
  checkpoint?: string;
  day?: string;
  shiftName?: string;
  /** Prefix making ids unique per booth. */
  idPrefix?: string;
  /** Extra ordinary released cars with one driver each (to vary counts between booths). */
  extraCars?: number;
}

interface VehicleSpec {
  plate: string;
  minute: number;
  vehicleType?: Vehicle['vehicleType'];
  origin?: string;
  route?: string;
  keyArea?: boolean;
  keyAreaReasons?: string[];
  inspected?: boolean;
  disinfected?: boolean;
  disposition?: VehicleDisposition;
  remarks?: string;
  watchHits?: string[];
  voided?: boolean;
  amendments?: Amendment[];
  people: PersonSpec[];
}

interface PersonSpec {
  name: string;
  docType?: Person['docType'];
  docNumber: string;
  phone: string;
  first: number;
  recheck?: number;
  symptoms?: Symptom[];
  disposition?: PersonDisposition;
  remarks?: string;
}

export const FORMULA_NAME = '=HYPERLINK("http://x","y")';
export const ID_ENDING_X = '34052419800101001X';
export const ID_SICHUAN = withCheckDigit('51072219850101123');
export const PHONE = '13812345678';

export function makeShiftFixture(opts: FixtureOptions = {}): ShiftFixture {
  const checkpoint = opts.checkpoint ?? '南江南卡点';
  const day = opts.day ?? '2020-02-17';
  const p = opts.idPrefix ?? 'a';
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const openedAt = beijing(y, mo, d, 20, 0);
  const at = (minute: number) => openedAt + minute * MIN;
  const closedAt = at(12 * 60);

  const specs: VehicleSpec[] = [
    {
      plate: '鄂A12345',
      minute: 5,
      origin: '武汉',
      route: '武汉-十堰-巴中',
      keyArea: true,
      keyAreaReasons: ['plate:鄂', 'origin:武汉'],
      inspected: true,
      disinfected: true,
      disposition: 'released',
      watchHits: ['plate:鄂A12345'],
      amendments: [
        { at: closedAt + 30 * MIN, by: '王队', reason: '复核后补录消毒', changes: { disinfected: [false, true] }, afterClose: true },
        { at: at(10), by: '李四', reason: '目的地写错', changes: { destination: ['南江', '南江县城'] }, afterClose: false },
      ],
      people: [
        // Fever at the gun, confirmed with a mercury thermometer, sent to the fever clinic.
        { name: '张三', docNumber: ID_SICHUAN, phone: PHONE, first: 37.9, recheck: 37.8, symptoms: ['fever', 'cough'], disposition: 'feverClinic', remarks: '120 转运' },
        { name: FORMULA_NAME, docNumber: ID_ENDING_X, phone: '13900001111', first: 36.5, remarks: '-已告知' },
      ],
    },
    {
      plate: '川Y0101学',
      minute: 40,
      origin: '巴中',
      route: '',
      remarks: '0101',
      people: [
        // Gun reads high in the cold; recheck normal → released.
        { name: '+李四', docNumber: withCheckDigit('51190219900307223'), phone: '15800002222', first: 37.4, recheck: 36.8 },
        { name: '@王五', docType: 'passport', docNumber: 'E12345678', phone: '', first: 36.6 },
      ],
    },
    {
      plate: '浙C88888',
      minute: 95,
      origin: '温州',
      keyArea: true,
      keyAreaReasons: ['origin:温州'],
      inspected: true,
      disinfected: true,
      disposition: 'turnedBack',
      people: [
        { name: '赵六', docNumber: '510722850101123', phone: '13700003333', first: 36.7 },
        { name: '钱七', docNumber: withCheckDigit('33030219920101004'), phone: '13600004444', first: 36.9, symptoms: ['cough'], disposition: 'homeIsolation' },
      ],
    },
    {
      plate: '川A00001',
      minute: 130,
      voided: true,
      people: [{ name: '孙八', docNumber: withCheckDigit('51010419700101001'), phone: '13500005555', first: 38.5 }],
    },
    {
      plate: '渝B54321',
      minute: 8 * 60 + 15, // 04:15, after midnight
      vehicleType: 'truck',
      origin: '重庆',
      disposition: 'held',
      people: [{ name: '周九', docType: 'other', docNumber: '0101', phone: '02812345678', first: 36.4, disposition: 'turnedBack' }],
    },
  ];
  for (let i = 0; i < (opts.extraCars ?? 0); i++) {
    specs.push({
      plate: `川Y${String(10000 + i).slice(-5)}`,
      minute: 200 + i * 3,
      people: [{ name: `乘客${i}`, docNumber: withCheckDigit(`51190219900101${String(i % 1000).padStart(3, '0')}`), phone: `1380000${String(i).padStart(4, '0')}`, first: 36.5 }],
    });
  }

  const vehicles: Vehicle[] = [];
  const persons: Person[] = [];
  specs.forEach((s, vi) => {
    const vid = `${p}-v${vi + 1}`;
    const createdAt = at(s.minute);
    const voided = s.voided ? 1 : 0;
    const readings = s.people.map((q) => q.recheck ?? q.first);
    const v: Vehicle = {
      id: vid,
      shiftId: `${p}-shift`,
      checkpoint,
      operator: '李四',
      createdAt,
      updatedAt: createdAt,
      day,
      plate: s.plate,
      plateBody: s.plate.slice(1),
      plateKind: s.plate.endsWith('学') ? 'drivingSchool' : 'ordinary',
      plateProvince: s.plate.charAt(0),
      plateConfirmed: false,
      vehicleType: s.vehicleType ?? 'car',
      direction: 'in',
      origin: s.origin ?? '成都',
      departedAt: '08:00',
      route: s.route ?? '',
      destination: '南江县城',
      purpose: '返乡',
      localContact: '母亲 13312345678',
      keyArea: s.keyArea ?? false,
      keyAreaReasons: s.keyAreaReasons ?? [],
      inspected: s.inspected ?? false,
      disinfected: s.disinfected ?? false,
      disposition: s.disposition ?? 'released',
      remarks: s.remarks ?? '',
      personCount: s.people.length,
      maxTemp: readings.length ? Math.max(...readings) : null,
      anyFever: readings.some((t) => t >= 37.3),
      watchHits: s.watchHits ?? [],
      voided,
      amendments: s.amendments ?? [],
    };
    if (s.voided) v.voidMark = { at: createdAt + 5 * MIN, by: '李四', reason: '重复登记' };
    vehicles.push(v);
    s.people.forEach((q, pi) => {
      const firstAt = createdAt + pi * MIN;
      const person: Person = {
        id: `${vid}-p${pi + 1}`,
        vehicleId: vid,
        shiftId: v.shiftId,
        createdAt: firstAt,
        day,
        plate: s.plate,
        role: pi === 0 ? 'driver' : 'passenger',
        seq: pi,
        name: q.name,
        docType: q.docType ?? 'residentId',
        docNumber: q.docNumber,
        docRev: docRevOf(q.docNumber),
        phone: q.phone,
        first: { celsius: q.first, method: 'infrared', at: firstAt },
        symptoms: q.symptoms ?? [],
        feverFirst: q.first >= 37.3,
        feverConfirmed: (q.recheck ?? q.first) >= 37.3,
        disposition: q.disposition ?? 'released',
        remarks: q.remarks ?? '',
        voided,
      };
      if ((q.docType ?? 'residentId') === 'residentId') person.homeProvince = q.docNumber.startsWith('34') ? '安徽' : q.docNumber.startsWith('33') ? '浙江' : '四川';
      if (q.recheck !== undefined) person.recheck = { celsius: q.recheck, method: 'mercuryAxillary', at: firstAt + 10 * MIN };
      persons.push(person);
    });
  });
  // In the turned-back car 赵六 is 'released' and so counts as turned back with it; 钱七 was
  // referred to home isolation and counts as referred, not turned back.

  // Both by 王队 in this shift; each differs in what happened and what became of it.
  const incident = (n: number, minute: number, rest: Pick<Incident, 'kind' | 'plate' | 'description'> & Partial<Incident>): Incident => ({
    id: `${p}-i${n}`,
    shiftId: `${p}-shift`,
    checkpoint,
    operator: '王队',
    at: at(minute),
    day,
    voided: 0,
    amendments: [],
    ...rest,
  });
  const incidents: Incident[] = [
    incident(1, 150, {
      kind: 'evasion',
      plate: '川A99999',
      description: '=1+1 车辆未停车冲卡，已通报交警拦截',
      amendments: [{ at: closedAt + 45 * MIN, by: '王队', reason: '补充车牌', changes: { plate: ['', '川A99999'] }, afterClose: true }],
    }),
    incident(2, 160, { kind: 'refusal', plate: '', description: '误报', voided: 1, voidMark: { at: at(170), by: '王队', reason: '误报' } }),
  ];

  const shift: Shift = {
    id: `${p}-shift`,
    checkpoint,
    shiftName: opts.shiftName ?? 'night',
    leadName: '王队',
    staff: [
      { name: '李四', unit: 'police' },
      { name: '刘医生', unit: 'health' },
      { name: '陈志愿', unit: 'volunteer' },
    ],
    openedAt,
    day,
    status: 'closed',
    closedAt,
    handover: {
      pending: '鄂A12345 同车人员需社区回访；=SUM(A1) 待核',
      supplies: { thermometers: '3 支（1 支电量低）', masks: '0120 只', disinfectant: '2 桶', suits: '5 套' },
      equipment: '红外测温枪 1 台低温下读数偏低',
      receivingLead: '赵队',
      receivedConfirmedAt: closedAt + 5 * MIN,
    },
  };
  return { shift, vehicles, persons, incidents };
}
