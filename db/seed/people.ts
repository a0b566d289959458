import type { Role, UnitType } from '../domain'

/** The demo district: Huyện Yên Minh, Tỉnh Hà Giang (codes of the 2025 official list). */
export const DEMO_PROVINCE_CODE = '02'
export const DEMO_DISTRICT_CODE = '028'

/** Yên Minh's 18 communes by code, with two villages each and the main ethnic groups living there. */
export const COMMUNES = {
  '00820': { villages: ['Nà Pài', 'Nà Khoà'], ethnic: ['Tày', 'Giáy', 'Kinh', 'Mông'] },
  '00823': { villages: ['Sủng Cáng', 'Lùng Thàng'], ethnic: ['Mông'] },
  '00826': { villages: ['Thào Chư Phìn', 'Sảng Pả'], ethnic: ['Mông', 'Giáy'] },
  '00829': { villages: ['Sủng Lìa', 'Mèo Vống'], ethnic: ['Mông'] },
  '00832': { villages: ['Phìn Sảng', 'Na Pô'], ethnic: ['Mông', 'Giáy'] },
  '00835': { villages: ['Bản Vàn', 'Pố Lổ'], ethnic: ['Mông', 'Tày'] },
  '00838': { villages: ['Sủng Pờ', 'Xín Chải'], ethnic: ['Mông'] },
  '00841': { villages: ['Lũng Vài', 'Khâu Lồm'], ethnic: ['Mông', 'Dao'] },
  '00844': { villages: ['Cá Ha', 'Há Súng'], ethnic: ['Mông'] },
  '00847': { villages: ['Khâu Chang', 'Nà Đon'], ethnic: ['Tày', 'Dao', 'Mông'] },
  '00850': { villages: ['Nà Tông', 'Bản Giáng'], ethnic: ['Tày', 'Dao', 'Mông'] },
  '00853': { villages: ['Nà Sàng', 'Khâu Dăm'], ethnic: ['Tày', 'Dao', 'Mông'] },
  '00856': { villages: ['Nà Luông', 'Bản Lý'], ethnic: ['Tày', 'Dao', 'Kinh'] },
  '00859': { villages: ['Bản Muồng', 'Lũng Cáng'], ethnic: ['Tày', 'Mông', 'Dao'] },
  '00862': { villages: ['Ngán Chải', 'Sảng Chải'], ethnic: ['Mông'] },
  '00865': { villages: ['Thèn Ván', 'Lùng Vái'], ethnic: ['Mông', 'Dao'] },
  '00868': { villages: ['Nà Đẩy', 'Bản Tại'], ethnic: ['Tày', 'Dao', 'Mông'] },
  '00871': { villages: ['Pả Láng', 'Thâm Lầu'], ethnic: ['Dao', 'Tày', 'Mông'] },
} as const satisfies Record<string, { villages: readonly string[]; ethnic: readonly string[] }>
export type CommuneCode = keyof typeof COMMUNES

/** The commune the commune-officer demo user works for (it has several replications). */
export const XA_COMMUNE: CommuneCode = '00871'

/** The commune officer's username, as the brief names it. */
export const XA_USERNAME = 'xa'

interface UnitSpec {
  name: string
  type: UnitType
  /** A commune code, or 'district' for district-level offices. */
  parent: CommuneCode | 'district'
}

/** Nominating units of the demo, spread over the communes; `organiser` runs the contests. */
export const UNITS = {
  organiser: { name: 'Ban Dân vận Huyện ủy Yên Minh', type: 'party_committee', parent: 'district' },
  cb_napai: { name: 'Chi bộ thôn Nà Pài', type: 'party_cell', parent: '00820' },
  cb_banmuong: { name: 'Chi bộ thôn Bản Muồng', type: 'party_cell', parent: '00859' },
  cb_sungpo: { name: 'Chi bộ thôn Sủng Pờ', type: 'party_cell', parent: '00838' },
  cb_lungvai: { name: 'Chi bộ thôn Lũng Vài', type: 'party_cell', parent: '00841' },
  du_maudue: { name: 'Đảng ủy xã Mậu Duệ', type: 'party_committee', parent: '00847' },
  du_dugia: { name: 'Đảng ủy xã Du Già', type: 'party_committee', parent: '00871' },
  du_bachdich: { name: 'Đảng ủy xã Bạch Đích', type: 'party_committee', parent: '00832' },
  ub_dugia: { name: 'UBND xã Du Già', type: 'government', parent: '00871' },
  ub_ngamla: { name: 'UBND xã Ngam La', type: 'government', parent: '00856' },
  ub_tt: { name: 'UBND thị trấn Yên Minh', type: 'government', parent: '00820' },
  mt_huyen: { name: 'Ủy ban MTTQ Việt Nam huyện Yên Minh', type: 'front', parent: 'district' },
  mt_lungho: { name: 'Ủy ban MTTQ xã Lũng Hồ', type: 'front', parent: '00865' },
  mt_nakhe: { name: 'Ủy ban MTTQ xã Na Khê', type: 'front', parent: '00835' },
  pn_dongminh: { name: 'Hội Liên hiệp Phụ nữ xã Đông Minh', type: 'mass_org', parent: '00850' },
  pn_huuvinh: { name: 'Hội Liên hiệp Phụ nữ xã Hữu Vinh', type: 'mass_org', parent: '00841' },
  dtn_ngoclong: { name: 'Đoàn Thanh niên xã Ngọc Long', type: 'mass_org', parent: '00859' },
  hnd_maulong: { name: 'Hội Nông dân xã Mậu Long', type: 'mass_org', parent: '00853' },
  hnd_huyen: { name: 'Hội Nông dân huyện Yên Minh', type: 'mass_org', parent: 'district' },
  ccb_nakhe: { name: 'Hội Cựu chiến binh xã Na Khê', type: 'mass_org', parent: '00835' },
  ca_huyen: { name: 'Công an huyện Yên Minh', type: 'police', parent: 'district' },
  ca_bachdich: { name: 'Công an xã Bạch Đích', type: 'police', parent: '00832' },
  ca_thangmo: { name: 'Công an xã Thắng Mố', type: 'police', parent: '00823' },
  qs_huyen: { name: 'Ban Chỉ huy Quân sự huyện Yên Minh', type: 'military', parent: 'district' },
  qs_phulung: { name: 'Ban Chỉ huy Quân sự xã Phú Lũng', type: 'military', parent: '00826' },
  bp_bachdich: { name: 'Đồn Biên phòng Bạch Đích', type: 'border_guard', parent: '00832' },
  bp_thangmo: { name: 'Đồn Biên phòng Thắng Mố', type: 'border_guard', parent: '00823' },
  th_dutien: { name: 'Trường PTDT bán trú THCS Du Tiến', type: 'commune_unit', parent: '00868' },
  yt_laovachai: { name: 'Trạm Y tế xã Lao Và Chải', type: 'commune_unit', parent: '00844' },
  mn_duongthuong: { name: 'Trường Mầm non Đường Thượng', type: 'commune_unit', parent: '00862' },
} as const satisfies Record<string, UnitSpec>
export type UnitKey = keyof typeof UNITS

export const DEMO_PASSWORD = 'dvk-demo-2025'

export interface UserSpec {
  username: string
  displayName: string
  email?: string
  phone?: string
  roles: { role: Role; unit?: UnitKey; commune?: CommuneCode }[]
}

/** Demo accounts, all with DEMO_PASSWORD. The first nine are the ones the README names. */
export const USERS: UserSpec[] = [
  {
    username: 'admin',
    displayName: 'Nguyễn Thị Hoa – Ban Dân vận',
    email: 'bandanvan.yenminh@example.vn',
    phone: '0219 3852 123',
    roles: [{ role: 'admin', unit: 'organiser' }],
  },
  {
    username: 'donvi',
    displayName: 'Hoàng Văn Sử – Đảng ủy xã Mậu Duệ',
    phone: '0915 276 418',
    roles: [{ role: 'unit', unit: 'du_maudue' }],
  },
  { username: 'giamkhao1', displayName: 'Lê Minh Tuấn', roles: [{ role: 'judge' }] },
  { username: 'giamkhao2', displayName: 'Vàng Thị Mai', roles: [{ role: 'judge' }] },
  { username: 'giamkhao3', displayName: 'Đặng Văn Hùng', roles: [{ role: 'judge' }] },
  { username: 'giamkhao4', displayName: 'Lù Thị Dung', roles: [{ role: 'judge' }] },
  { username: 'giamkhao5', displayName: 'Sùng Mí Pó', roles: [{ role: 'judge' }] },
  { username: 'giamkhao6', displayName: 'Nông Thanh Bình', roles: [{ role: 'judge' }] },
  {
    username: XA_USERNAME,
    displayName: 'Giàng Seo Chứ – UBND xã Du Già',
    phone: '0983 415 207',
    roles: [{ role: 'commune', commune: XA_COMMUNE }],
  },
  {
    username: 'xa.ngamla',
    displayName: 'Lục Thị Hương – UBND xã Ngam La',
    roles: [
      { role: 'commune', commune: '00856' },
      { role: 'unit', unit: 'ub_ngamla' },
    ],
  },
  {
    username: 'du.dugia',
    displayName: 'Lý Văn Chung – Đảng ủy xã Du Già',
    roles: [{ role: 'unit', unit: 'du_dugia' }],
  },
  {
    username: 'cb.napai',
    displayName: 'Hoàng Thị Thu – Chi bộ thôn Nà Pài',
    roles: [{ role: 'unit', unit: 'cb_napai' }],
  },
  {
    username: 'mttq.lungho',
    displayName: 'Thào Mí Sính – Ủy ban MTTQ xã Lũng Hồ',
    roles: [{ role: 'unit', unit: 'mt_lungho' }],
  },
  {
    username: 'pn.dongminh',
    displayName: 'Ma Thị Liên – Hội LHPN xã Đông Minh',
    roles: [{ role: 'unit', unit: 'pn_dongminh' }],
  },
  {
    username: 'doan.ngoclong',
    displayName: 'Triệu Văn Long – Đoàn Thanh niên xã Ngọc Long',
    roles: [{ role: 'unit', unit: 'dtn_ngoclong' }],
  },
  {
    username: 'hnd.maulong',
    displayName: 'Nông Văn Dũng – Hội Nông dân xã Mậu Long',
    roles: [{ role: 'unit', unit: 'hnd_maulong' }],
  },
  {
    username: 'bp.bachdich',
    displayName: 'Vương Văn Khải – Đồn Biên phòng Bạch Đích',
    roles: [{ role: 'unit', unit: 'bp_bachdich' }],
  },
  {
    username: 'ca.bachdich',
    displayName: 'Lò Văn Thành – Công an xã Bạch Đích',
    roles: [{ role: 'unit', unit: 'ca_bachdich' }],
  },
]

/** Contact people named in nomination files (the unit's officer in charge of the model). */
export const CONTACT_NAMES = [
  'Vàng Mí Súa',
  'Hoàng Văn Sử',
  'Lò Thị Mỷ',
  'Giàng Thị Dợ',
  'Sùng Mí Chá',
  'Lục Văn Nghĩa',
  'Triệu Thị Mai',
  'Ma Văn Thái',
  'Lý Mí Dế',
  'Phàn Văn Quyền',
  'Nông Thị Hằng',
  'Thào Seo Dình',
  'Hầu Mí Lử',
  'Nguyễn Văn Khánh',
  'Vừ Thị Dua',
  'Lầu Mí Chơ',
] as const

export const PHONE_PREFIXES = [
  '0912',
  '0915',
  '0941',
  '0983',
  '0389',
  '0868',
  '0373',
  '0356',
  '0978',
] as const
