import { describe, expect, it } from 'vitest'
import { REPLICATION_STATUSES, type ReplicationStatus } from '#db/domain'
import {
  addMonths,
  canRegisterAsModel,
  canReport,
  compareIndicators,
  derivedTitle,
  foldLabel,
  isFinal,
  isStale,
  mayChange,
  mayRead,
  nextStatuses,
  parseDateInput,
  reportDateRefusal,
  staleCutoff,
  startDateRefusal,
  transitionRefusal,
  vnDate,
} from '~/replication/rules'

describe('replication status machine', () => {
  const allowed: [ReplicationStatus, ReplicationStatus][] = [
    ['planned', 'in_progress'],
    ['planned', 'stopped'],
    ['in_progress', 'achieved'],
    ['in_progress', 'stopped'],
  ]

  it('allows exactly planned → in progress → achieved | stopped and planned → stopped', () => {
    for (const from of REPLICATION_STATUSES) {
      for (const to of REPLICATION_STATUSES) {
        const ok = allowed.some(([a, b]) => a === from && b === to)
        expect(transitionRefusal(from, to, 'lý do'), `${from} → ${to}`).toBe(
          ok ? null : 'replication.error.transition',
        )
      }
    }
  })

  it('keeps achieved and stopped final: no reopening', () => {
    expect(isFinal('achieved')).toBe(true)
    expect(isFinal('stopped')).toBe(true)
    expect(nextStatuses('achieved')).toEqual([])
    expect(nextStatuses('stopped')).toEqual([])
    expect(transitionRefusal('stopped', 'in_progress', 'x')).toBe('replication.error.transition')
    expect(transitionRefusal('achieved', 'planned')).toBe('replication.error.transition')
    expect(isFinal('planned')).toBe(false)
  })

  it('needs a reason to stop, and blank text is no reason', () => {
    expect(transitionRefusal('in_progress', 'stopped')).toBe('replication.error.stopReasonRequired')
    expect(transitionRefusal('planned', 'stopped', '   ')).toBe(
      'replication.error.stopReasonRequired',
    )
    expect(transitionRefusal('planned', 'stopped', 'Thiếu kinh phí')).toBeNull()
    // A reason is not needed to move on.
    expect(transitionRefusal('planned', 'in_progress')).toBeNull()
  })

  it('takes reports until stopped, and registers a model once, under way or achieved', () => {
    expect(canReport('planned')).toBe(true)
    expect(canReport('achieved')).toBe(true)
    expect(canReport('stopped')).toBe(false)
    expect(canRegisterAsModel('in_progress', null)).toBe(true)
    expect(canRegisterAsModel('achieved', null)).toBe(true)
    expect(canRegisterAsModel('achieved', 12)).toBe(false)
    expect(canRegisterAsModel('planned', null)).toBe(false)
    expect(canRegisterAsModel('stopped', null)).toBe(false)
  })
})

describe('who may act', () => {
  it('lets only the officer of the replication’s commune change it; organisers of the area read', () => {
    expect(mayChange({ communeId: 5, isOrganiserInArea: false }, 5)).toBe(true)
    expect(mayChange({ communeId: 6, isOrganiserInArea: false }, 5)).toBe(false)
    expect(mayChange({ communeId: null, isOrganiserInArea: true }, 5)).toBe(false)
    expect(mayRead({ communeId: null, isOrganiserInArea: true }, 5)).toBe(true)
    expect(mayRead({ communeId: 6, isOrganiserInArea: false }, 5)).toBe(false)
  })
})

describe('dates', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd, and refuses dates that do not exist', () => {
    expect(parseDateInput('15/03/2026')).toBe('2026-03-15')
    expect(parseDateInput('5/3/2026')).toBe('2026-03-05')
    expect(parseDateInput('2026-03-15')).toBe('2026-03-15')
    expect(parseDateInput('29/02/2024')).toBe('2024-02-29')
    expect(parseDateInput('29/02/2025')).toBeNull()
    expect(parseDateInput('31/04/2025')).toBeNull()
    expect(parseDateInput('2025-13-01')).toBeNull()
    expect(parseDateInput('hôm qua')).toBeNull()
  })

  it('moves by calendar months, clamping to the month’s end', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28')
    expect(addMonths('2026-01-15', -6)).toBe('2025-07-15')
    expect(addMonths('2025-11-30', 12)).toBe('2026-11-30')
  })

  it('takes the calendar day in Vietnam (UTC+7)', () => {
    expect(vnDate(new Date('2026-03-14T17:30:00Z'))).toBe('2026-03-15')
    expect(vnDate(new Date('2026-03-14T16:59:00Z'))).toBe('2026-03-14')
  })

  it('allows a start up to a year ahead, from 2000', () => {
    expect(startDateRefusal('2027-03-15', '2026-03-15')).toBeNull()
    expect(startDateRefusal('2027-03-16', '2026-03-15')).toBe('replication.error.startTooLate')
    expect(startDateRefusal('1999-12-31', '2026-03-15')).toBe('replication.error.startTooEarly')
  })

  it('dates reports between the start and today', () => {
    expect(reportDateRefusal('2026-03-15', '2026-01-01', '2026-03-15')).toBeNull()
    expect(reportDateRefusal('2026-03-16', '2026-01-01', '2026-03-15')).toBe(
      'replication.error.reportInFuture',
    )
    expect(reportDateRefusal('2025-12-31', '2026-01-01', '2026-03-15')).toBe(
      'replication.error.reportBeforeStart',
    )
  })
})

describe('six months without an update', () => {
  const at = new Date('2026-09-15T08:00:00.000Z')

  it('puts the cutoff six calendar months back, at the same time of day', () => {
    expect(staleCutoff(at)).toBe('2026-03-15T08:00:00.000Z')
  })

  it('counts the last report, else the registration, and only for replications still moving', () => {
    const base = { status: 'in_progress' as const, created_at: '2025-01-01T00:00:00.000Z' }
    expect(isStale({ ...base, last_reported_at: '2026-03-15T08:00:00.000Z' }, at)).toBe(true)
    expect(isStale({ ...base, last_reported_at: '2026-03-15T08:00:00.001Z' }, at)).toBe(false)
    expect(isStale({ ...base, last_reported_at: null }, at)).toBe(true)
    expect(
      isStale({ ...base, created_at: '2026-06-01T00:00:00.000Z', last_reported_at: null }, at),
    ).toBe(false)
    expect(isStale({ ...base, status: 'planned', last_reported_at: null }, at)).toBe(true)
    expect(isStale({ ...base, status: 'achieved', last_reported_at: null }, at)).toBe(false)
    expect(isStale({ ...base, status: 'stopped', last_reported_at: null }, at)).toBe(false)
  })
})

describe('indicators side by side', () => {
  it('folds case, diacritics (đ too), punctuation and spacing', () => {
    expect(foldLabel('  Số hộ  tham gia: ')).toBe('so ho tham gia')
    expect(foldLabel('Đường bê tông (km)')).toBe('duong be tong km')
    expect(foldLabel('ĐƯỜNG BÊ TÔNG KM')).toBe(foldLabel('đường bê tông (km)'))
  })

  it('pairs by folded label in the source’s order and lists the rest on each side', () => {
    const source = [
      { label: 'Đường bê tông', value: '12.5', unit: 'km' },
      { label: 'Số hộ hiến đất', value: '230', unit: 'hộ' },
      { label: 'Kinh phí nhân dân đóng góp', value: '450000000', unit: 'đồng' },
    ]
    const replication = [
      { label: 'số hộ hiến ĐẤT', value: '41', unit: 'hộ' },
      { label: 'duong be tong', value: '3.25', unit: 'km' },
      { label: 'Nhà văn hóa', value: '1', unit: 'nhà' },
    ]
    const c = compareIndicators(source, replication)
    expect(c.matched.map((m) => [m.label, m.source.value, m.replication.value])).toEqual([
      ['Đường bê tông', '12.5', '3.25'],
      ['Số hộ hiến đất', '230', '41'],
    ])
    expect(c.sourceOnly.map((i) => i.label)).toEqual(['Kinh phí nhân dân đóng góp'])
    expect(c.replicationOnly.map((i) => i.label)).toEqual(['Nhà văn hóa'])
  })
})

describe('a model registered from a replication', () => {
  it('is titled after the source and the commune, within 200 characters', () => {
    expect(derivedTitle('Dân hiến đất làm đường', 'Xã Du Già')).toBe(
      'Dân hiến đất làm đường (nhân rộng tại Xã Du Già)',
    )
    const long = derivedTitle('A'.repeat(199), 'Xã Du Già')
    expect(long.length).toBe(200)
    expect(long.endsWith('… (nhân rộng tại Xã Du Già)')).toBe(true)
  })
})
