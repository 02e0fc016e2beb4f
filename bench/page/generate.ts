// Realistic registrations for the benchmark, built the way the booth builds them: a VehicleDraft
// as the form would hold it, then shared/registration's buildRecords (which validates it, so a
// generator bug throws instead of storing records the app could never have written).
//
// What "realistic" means here (a highway exit in 川, 2020):
// - plates: about 60 % 川, 5 % 鄂 (key area → inspected + disinfected), the rest spread over the
//   other provinces; about 8 % new-energy plates; some trucks, vans and buses.
// - people: about 4 per vehicle on average (cars 1–5, vans 2–7, trucks 1–2, buses 15–45); valid
//   resident IDs (GB 11643 check character) whose area mostly matches the plate's province,
//   some passports and HK/Macau permits; the driver always gives a mobile number.
// - about 0.5 % of first readings at or above the fever line, each rechecked; those still
//   feverish go to the fever clinic.
// - about 30 % of vehicles are regulars (commuters, delivery vans) who come back with the same
//   people: repeat-visit lookups and ID searches hit several visits, as in real life.
// - a few voided vehicles and corrections.
import type { DocType, Person, Shift, StationSettings, Vehicle, VehicleType } from '../../shared/model';
import { DEFAULT_SETTINGS } from '../../shared/model';
import { buildRecords, emptyOccupant, keyAreaReasons, type OccupantDraft, type VehicleDraft } from '../../shared/registration';
import { residentIdCheckChar } from '../../shared/residentId';
import { PROVINCES } from '../../shared/provinces';
import { Rng } from './rng';

export const SETTINGS: StationSettings = { ...DEFAULT_SETTINGS, checkpoint: '南江南高速出口卡点', homeProvince: '川' };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥建国志明文辉海燕俊峰晓东春梅小红建华德成秋菊永刚家豪子涵雨欣浩然思远一鸣';
const CITY_LETTERS = [...'ABCDEFHJKLMQRSTUVWXYZ'];
const ALNUM = [...'ABCDEFGHJKLMNPQRSTUVWXYZ'];
const SURNAME_LIST = [...SURNAMES];
const GIVEN_LIST = [...GIVEN];
const COUNTIES = ['0102', '0104', '0105', '0106', '0107', '0111', '0112', '0113', '0121', '0381', '0521', '0681', '0722', '0802', '1302', '1702', '2101', '2323'];

const PLATE_PROVINCES: readonly (readonly [string, number])[] = [
  ['川', 60],
  ['渝', 8],
  ['鄂', 5],
  ['陕', 4],
  ['贵', 3],
  ['云', 3],
  ['粤', 3],
  ['甘', 2],
  ['豫', 2],
  ['湘', 2],
  ['浙', 1.5],
  ['苏', 1],
  ['京', 1],
  ['皖', 1],
  ['鲁', 1],
  ['赣', 0.8],
  ['桂', 0.7],
  ['闽', 0.5],
  ['晋', 0.5],
  ['冀', 0.5],
  ['新', 0.3],
  ['青', 0.2],
  ['宁', 0.2],
  ['藏', 0.1],
  ['沪', 0.5],
  ['津', 0.3],
  ['辽', 0.3],
  ['吉', 0.2],
  ['黑', 0.2],
  ['蒙', 0.2],
  ['琼', 0.1],
];

const ORIGINS_LOCAL = ['巴中', '南充', '成都', '绵阳', '达州', '广元', '南江', '通江', '平昌', '阆中'];
const ORIGINS_FAR = ['重庆', '西安', '汉中', '广州', '深圳', '东莞', '杭州', '郑州', '长沙', '贵阳', '昆明', '兰州', '北京', '上海'];
const ORIGINS_HUBEI = ['武汉', '十堰', '襄阳', '宜昌', '孝感', '黄冈'];
const ROUTES = ['成巴高速', '京昆高速', '包茂高速', '沪陕高速', '巴陕高速', 'G108', '广巴高速'];
const DESTINATIONS = ['南江县城', '巴中市区', '通江县', '平昌县', '恩阳区', '光雾山镇', '长赤镇', '赤溪镇', '下两镇'];
const PURPOSES = ['返乡', '返岗', '探亲', '运输物资', '就医', '公务', '过境', '送货', '复工'];

const VEHICLE_TYPES: readonly (readonly [VehicleType, number])[] = [
  ['car', 80],
  ['van', 7],
  ['truck', 8],
  ['bus', 3],
  ['motorcycle', 1],
  ['other', 1],
];

interface OccupantIdentity {
  name: string;
  docType: DocType;
  docNumber: string;
  phone: string;
}

/** What stays the same between visits of one vehicle: plate, trip and the people in it. */
export interface VehicleIdentity {
  plate: string;
  vehicleType: VehicleType;
  origin: string;
  route: string;
  destination: string;
  purpose: string;
  localContact: string;
  occupants: OccupantIdentity[];
}

const idCodeOf = new Map(PROVINCES.map((p) => [p.char, p.idCode]));

/**
 * 'ordered' (default): record ids as the app makes them (shared/ids.ts timeOrderedId, UUIDv7
 * layout). 'random': version-4 ids as the app made them before, kept for comparison
 * (`npm run bench -- --ids random`).
 */
export type IdMode = 'random' | 'ordered';

export class Generator {
  readonly rng: Rng;

  constructor(
    seed: number,
    readonly idMode: IdMode = 'ordered',
  ) {
    this.rng = new Rng(seed);
  }

  /** A record id created at `ms`. */
  id(ms: number): string {
    return this.idMode === 'ordered' ? this.rng.orderedId(ms) : this.rng.uuid();
  }

  plate(vehicleType: VehicleType): string {
    const r = this.rng;
    const province = r.weighted(PLATE_PROVINCES);
    const letter = province === '川' ? r.weighted(CITY_LETTERS.map((c, i) => [c, i === 0 ? 6 : i < 12 ? 2 : 1] as const)) : r.pick(CITY_LETTERS);
    const x = () => (r.chance(0.8) ? String(r.int(10)) : r.pick(ALNUM));
    if (r.chance(0.08)) {
      // New-energy: small cars D/F + 1 + 4 digits; large vehicles 5 digits + D/F.
      if (vehicleType === 'bus' || vehicleType === 'truck') return `${province}${letter}${r.digits(5)}${r.pick(['D', 'F'])}`;
      return `${province}${letter}${r.pick(['D', 'F'])}${x()}${r.digits(4)}`;
    }
    return `${province}${letter}${x()}${x()}${x()}${x()}${x()}`;
  }

  name(): string {
    const r = this.rng;
    return r.pick(SURNAME_LIST) + r.pick(GIVEN_LIST) + (r.chance(0.7) ? r.pick(GIVEN_LIST) : '');
  }

  residentId(province: string, adult: boolean): string {
    const r = this.rng;
    const code = idCodeOf.get(province) ?? '51';
    const year = adult ? r.range(1955, 2002) : r.range(1950, 2018);
    const month = r.range(1, 12);
    const day = r.range(1, 28);
    const first17 = `${code}${r.pick(COUNTIES)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${r.digits(3)}`;
    return first17 + residentIdCheckChar(first17);
  }

  phone(): string {
    return `1${this.rng.pick(['3', '5', '7', '8', '9'])}${this.rng.digits(9)}`;
  }

  occupant(plateProvince: string, driver: boolean): OccupantIdentity {
    const r = this.rng;
    const docType = r.weighted<DocType>([
      ['residentId', 97],
      ['passport', 2],
      ['hkMacauPermit', 1],
    ]);
    const home = r.chance(0.8) ? plateProvince : r.weighted(PLATE_PROVINCES);
    const docNumber =
      docType === 'residentId' ? this.residentId(home, driver) : docType === 'passport' ? `E${r.digits(8)}` : `${r.pick(['H', 'M'])}${r.digits(8)}`;
    return { name: this.name(), docType, docNumber, phone: driver || r.chance(0.4) ? this.phone() : '' };
  }

  identity(): VehicleIdentity {
    const r = this.rng;
    const vehicleType = r.weighted(VEHICLE_TYPES);
    const plate = this.plate(vehicleType);
    const province = plate.charAt(0);
    const people =
      vehicleType === 'bus'
        ? r.range(15, 45)
        : vehicleType === 'van'
          ? r.range(2, 7)
          : vehicleType === 'truck' || vehicleType === 'motorcycle'
            ? r.range(1, 2)
            : r.weighted([
                [1, 15],
                [2, 20],
                [3, 25],
                [4, 20],
                [5, 20],
              ] as const);
    const origin = province === '鄂' && r.chance(0.7) ? r.pick(ORIGINS_HUBEI) : r.chance(0.65) ? r.pick(ORIGINS_LOCAL) : r.chance(0.97) ? r.pick(ORIGINS_FAR) : r.pick(ORIGINS_HUBEI);
    const occupants = Array.from({ length: people }, (_, i) => this.occupant(province, i === 0));
    return {
      plate,
      vehicleType,
      origin,
      route: r.chance(0.4) ? r.pick(ROUTES) : '',
      destination: r.pick(DESTINATIONS),
      purpose: r.pick(PURPOSES),
      localContact: r.chance(0.2) ? `${this.name()} ${this.phone()}` : '',
      occupants,
    };
  }

  /** The form's draft for one visit of `who`: fresh readings, the rest as the booth types it. */
  draft(who: VehicleIdentity, day: string, feverRate = 0.005): VehicleDraft {
    const r = this.rng;
    const occupants: OccupantDraft[] = who.occupants.map((o, i) => {
      const d = emptyOccupant(`k${i}`, i === 0 ? 'driver' : 'passenger');
      d.name = o.name;
      d.docType = o.docType;
      d.docNumber = o.docNumber;
      d.phone = o.phone;
      if (r.chance(feverRate)) {
        const first = 37.3 + r.int(17) / 10;
        d.temp = first.toFixed(1);
        // Infrared guns read high after a cold drive: a good share rechecks normal.
        const confirmed = r.chance(0.6);
        d.recheckTemp = (confirmed ? 37.3 + r.int(15) / 10 : 36.2 + r.int(9) / 10).toFixed(1);
        if (confirmed) {
          d.disposition = 'feverClinic';
          d.symptoms = r.chance(0.5) ? ['fever', 'cough'] : ['fever'];
        }
      } else {
        d.temp = (35.8 + r.int(15) / 10).toFixed(1);
      }
      return d;
    });
    const draft: VehicleDraft = {
      plateInput: who.plate,
      plateConfirmed: false,
      vehicleType: who.vehicleType,
      direction: r.chance(0.9) ? 'in' : 'out',
      origin: who.origin,
      route: who.route,
      destination: who.destination,
      purpose: who.purpose,
      localContact: who.localContact,
      inspected: r.chance(0.2),
      disinfected: r.chance(0.1),
      disposition: r.chance(0.01) ? 'turnedBack' : 'released',
      remarks: r.chance(0.03) ? '后备箱已查验' : '',
      occupants,
    };
    if (keyAreaReasons(draft, SETTINGS, day).length > 0) {
      draft.inspected = true;
      draft.disinfected = true;
    }
    return draft;
  }

  /** Records as the form's save builds them (validated by buildRecords itself). */
  records(draft: VehicleDraft, shift: Shift, now: number, day: string): { vehicle: Vehicle; persons: Person[] } {
    const operator = shift.staff[this.rng.int(shift.staff.length)]?.name ?? shift.leadName;
    return buildRecords(draft, { shift, operator, now, day, settings: SETTINGS, newId: () => this.id(now) });
  }

  shift(id: string, day: string, shiftName: 'day' | 'night', openedAt: number, closedAt: number | undefined): Shift {
    const r = this.rng;
    const s: Shift = {
      id,
      checkpoint: SETTINGS.checkpoint,
      shiftName,
      leadName: this.name(),
      staff: [
        { name: this.name(), unit: 'police' },
        { name: this.name(), unit: 'auxiliary' },
        { name: this.name(), unit: 'health' },
        { name: this.name(), unit: 'volunteer' },
      ],
      openedAt,
      day,
      status: closedAt === undefined ? 'open' : 'closed',
      exports: [],
    };
    if (closedAt !== undefined) {
      s.closedAt = closedAt;
      s.handover = {
        pending: r.chance(0.3) ? '发热人员转运情况待社区回访' : '',
        supplies: { thermometers: `${r.range(2, 6)} 支`, masks: `${r.range(50, 400)} 只`, disinfectant: `${r.range(1, 5)} 桶`, suits: `${r.range(2, 20)} 套` },
        equipment: '正常',
        receivingLead: this.name(),
        receivedConfirmedAt: closedAt + 5 * 60_000,
      };
    }
    return s;
  }
}
