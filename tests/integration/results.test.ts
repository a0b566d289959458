import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { setClock } from '~/clock.server'
import * as adminFiles from '~/routes/admin/contest-files'
import * as adminResults from '~/routes/admin/contest-results'
import * as publicEntry from '~/routes/contests/entry'
import * as publicResults from '~/routes/contests/results'
import * as unitCertificate from '~/routes/unit/certificate'
import { searchCatalog } from '~/catalog/catalog.server'
import { parseCatalogParams } from '~/catalog/params'
import { call } from '../support/remix'
import { pdfText, readWorkbook } from '../support/documents'
import {
  cookieFor,
  createOrgTree,
  createUser,
  insertContest,
  userWithRole,
  type OrgTree,
} from '../support/fixtures'

/**
 * Results through their routes: computation from the right sheets, override, finalise,
 * decision, publish — each by role and phase — then the public pages and the downloads.
 *
 * Rubric: A (max 40), B (max 60). Tiers: Vàng ≥ 80 (quota 1), Bạc ≥ 60.
 * Totals by judge (J1, J2, J3):   E1 90 88 86 → 88   E2 85 83 84 → 84
 *                                 E3 70 66 65 → 67   E4 50 55 45 → 50
 * J4 was removed from E4 after submitting 100 and J5 left a draft on E3: neither counts.
 * Computed: E1 Vàng; E2 ≥ 80 but Vàng is full → Bạc; E3 Bạc; E4 none.
 */
const DURING = new Date('2025-11-10T03:00:00Z')
const AFTER = new Date('2025-12-05T03:00:00Z')
const SCREENING = new Date('2025-10-05T03:00:00Z')
const at = '2025-06-01T00:00:00.000Z'

let org: OrgTree
let contestId: number
let criteria: { a: number; b: number }
let tiers: { gold: number; silver: number }
const E = {} as Record<'e1' | 'e2' | 'e3' | 'e4', number>
const J = {} as Record<'j1' | 'j2' | 'j3' | 'j4' | 'j5', number>
const cookies = {} as Record<'admin' | 'otherAdmin' | 'unit' | 'judge', string>
let unitOfficer: number
const SECRET_JUDGE_NAME = 'Giám khảo Bí Mật'

async function entry(title: string, n: number) {
  const db = getDb()
  const model = await db
    .insertInto('models')
    .values({
      slug: `mo-hinh-ket-qua-${n}`,
      unit_id: org.unit,
      title,
      kind: 'model',
      field: 'economy',
      summary: `Tóm tắt ${title}`,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const e = await db
    .insertInto('entries')
    .values({
      contest_id: contestId,
      model_id: model.id,
      unit_id: org.unit,
      state: 'accepted',
      title,
      kind: 'model',
      field: 'economy',
      snapshot: JSON.stringify({ title, summary: `Tóm tắt ${title}`, method: 'Cách làm' }),
      version: 1,
      submitted_at: `2025-09-0${n}T00:00:00.000Z`,
      first_submitted_at: `2025-09-0${n}T00:00:00.000Z`,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('entry_communes')
    .values({ entry_id: e.id, commune_id: org.commune })
    .execute()
  return e.id
}

async function sheet(
  entryId: number,
  judgeId: number,
  a: number,
  b: number,
  opts: {
    status?: 'draft' | 'submitted'
    assignment?: 'active' | 'removed'
    comment?: string
  } = {},
) {
  const db = getDb()
  await db
    .insertInto('assignments')
    .values({
      entry_id: entryId,
      judge_id: judgeId,
      source: 'manual',
      status: opts.assignment ?? 'active',
      created_at: at,
    })
    .execute()
  const submitted = (opts.status ?? 'submitted') === 'submitted'
  await db
    .insertInto('score_sheets')
    .values({
      entry_id: entryId,
      judge_id: judgeId,
      status: submitted ? 'submitted' : 'draft',
      submitted_at: submitted ? '2025-11-20T00:00:00.000Z' : null,
      updated_at: '2025-11-20T00:00:00.000Z',
    })
    .execute()
  await db
    .insertInto('scores')
    .values([
      {
        entry_id: entryId,
        judge_id: judgeId,
        criterion_id: criteria.a,
        max_points: 40,
        points: a,
        comment: opts.comment ?? '',
        updated_at: at,
      },
      {
        entry_id: entryId,
        judge_id: judgeId,
        criterion_id: criteria.b,
        max_points: 60,
        points: b,
        comment: '',
        updated_at: at,
      },
    ])
    .execute()
}

beforeAll(async () => {
  const db = getDb()
  org = await createOrgTree()
  const admin = await userWithRole('admin', org)
  cookies.admin = await cookieFor(admin.id)
  const otherOffice = await db
    .insertInto('org_units')
    .values({
      kind: 'unit',
      name: 'Ban Dân vận Huyện ủy B',
      parent_id: org.otherDistrict,
      unit_type: 'party_committee',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  cookies.otherAdmin = await cookieFor(
    (await createUser([{ role: 'admin', orgUnitId: otherOffice.id }])).id,
  )
  const unit = await userWithRole('unit', org)
  unitOfficer = unit.id
  cookies.unit = await cookieFor(unit.id)
  for (const k of ['j1', 'j2', 'j3', 'j4', 'j5'] as const) {
    J[k] = (await createUser([{ role: 'judge', orgUnitId: null }])).id
  }
  await db
    .updateTable('users')
    .set({ display_name: SECRET_JUDGE_NAME })
    .where('id', '=', J.j1)
    .execute()
  cookies.judge = await cookieFor(J.j1)

  contestId = (await insertContest(org.organiser, { title: 'Bình xét Dân vận khéo 2025' })).id
  const crit = await db
    .insertInto('criteria')
    .values([
      { contest_id: contestId, position: 1, title: 'Tính mới', max_points: 40 },
      { contest_id: contestId, position: 2, title: 'Hiệu quả', max_points: 60 },
    ])
    .returning('id')
    .execute()
  criteria = { a: crit[0]!.id, b: crit[1]!.id }
  const tr = await db
    .insertInto('award_tiers')
    .values([
      { contest_id: contestId, position: 1, name: 'Vàng', min_score: 80, quota: 1 },
      { contest_id: contestId, position: 2, name: 'Bạc', min_score: 60, quota: null },
    ])
    .returning('id')
    .execute()
  tiers = { gold: tr[0]!.id, silver: tr[1]!.id }

  E.e1 = await entry('Đường giao thông nông thôn', 1)
  E.e2 = await entry('Nước sạch cho bản Mông', 2)
  E.e3 = await entry('Tổ hòa giải ở thôn', 3)
  E.e4 = await entry('Camera an ninh', 4)
  await sheet(E.e1, J.j1, 36, 54, { comment: 'Cách làm rất sáng tạo' })
  await sheet(E.e1, J.j2, 35, 53)
  await sheet(E.e1, J.j3, 34, 52)
  await sheet(E.e2, J.j1, 34, 51)
  await sheet(E.e2, J.j2, 33, 50)
  await sheet(E.e2, J.j3, 33, 51)
  await sheet(E.e3, J.j1, 28, 42)
  await sheet(E.e3, J.j2, 26, 40)
  await sheet(E.e3, J.j3, 26, 39)
  await sheet(E.e3, J.j5, 40, 60, { status: 'draft' })
  await sheet(E.e4, J.j1, 20, 30)
  await sheet(E.e4, J.j2, 22, 33)
  await sheet(E.e4, J.j3, 18, 27)
  await sheet(E.e4, J.j4, 40, 60, { assignment: 'removed' })
})

afterEach(() => setClock(null))

const path = (p = '') => `/admin/contests/${contestId}/results${p}`
const params = () => ({ contestId: String(contestId) })

async function page(cookie = cookies.admin) {
  return call(adminResults.loader, { path: path(), params: params(), cookie })
}

async function post(form: Record<string, string>, cookie = cookies.admin) {
  return call(adminResults.action, { path: path(), method: 'POST', params: params(), cookie, form })
}

type Row = {
  entryId: number
  rank: number
  raw: number
  scoreCount: number
  tier: string | null
  computedTier: string | null
  override: { reason: string } | null
}

async function file(name: string, cookie = cookies.admin) {
  try {
    const res = (await adminFiles.loader({
      request: new Request(`http://localhost/admin/contests/${contestId}/files/${name}`, {
        headers: { Cookie: cookie },
      }),
      params: { ...params(), file: name },
      context: {},
    })) as Response
    return {
      status: res.status,
      headers: res.headers,
      body: new Uint8Array(await res.arrayBuffer()),
    }
  } catch (thrown) {
    const t = thrown as { init?: { status?: number }; status?: number }
    return {
      status: t.init?.status ?? t.status ?? 500,
      headers: new Headers(),
      body: new Uint8Array(),
    }
  }
}

describe('results: computation and the organiser page', () => {
  it('is refused before judging starts', async () => {
    setClock(SCREENING)
    expect((await page()).status).toBe(409)
  })

  it('is provisional during judging and counts only submitted sheets of active assignments', async () => {
    setClock(DURING)
    const res = await page()
    expect(res.status).toBe(200)
    const d = res.data as { contest: { stage: string }; rows: Row[] }
    expect(d.contest.stage).toBe('judging')
    const byId = new Map(d.rows.map((r) => [r.entryId, r]))
    expect(byId.get(E.e1)).toMatchObject({ rank: 1, raw: 88, scoreCount: 3, tier: 'Vàng' })
    expect(byId.get(E.e2)).toMatchObject({ rank: 2, raw: 84, tier: 'Bạc', computedTier: 'Bạc' })
    expect(byId.get(E.e3)).toMatchObject({ rank: 3, raw: 67, scoreCount: 3, tier: 'Bạc' })
    expect(byId.get(E.e4)).toMatchObject({ rank: 4, raw: 50, scoreCount: 3, tier: null })
  })

  it('refuses organisers outside the contest area and other roles', async () => {
    setClock(AFTER)
    expect((await page(cookies.otherAdmin)).status).toBe(403)
    expect((await page(cookies.unit)).status).toBe(403)
    expect((await page(cookies.judge)).status).toBe(403)
    const override = {
      intent: 'override',
      entryId: String(E.e4),
      tierId: String(tiers.silver),
      reason: 'Lý do đủ dài để ghi',
    }
    expect((await post(override, cookies.otherAdmin)).status).toBe(403)
    expect((await post(override, cookies.unit)).status).toBe(403)
  })
})

describe('results: override, finalise, decision, publish', () => {
  it('refuses an override during judging', async () => {
    setClock(DURING)
    const res = await post({
      intent: 'override',
      entryId: String(E.e4),
      tierId: String(tiers.silver),
      reason: 'Mô hình có tác động lớn ở vùng khó',
    })
    expect(res.status).toBe(409)
    expect(res.data).toMatchObject({ message: 'results.error.overrideOutOfPhase' })
  })

  it('needs a written reason, keeps what was typed, and respects quotas', async () => {
    setClock(AFTER)
    const noReason = await post({
      intent: 'override',
      entryId: String(E.e4),
      tierId: String(tiers.silver),
      reason: 'ngắn',
    })
    expect(noReason.status).toBe(400)
    const reply = (
      noReason.data as {
        result: { error: Record<string, string[]>; initialValue: Record<string, string> }
      }
    ).result
    expect(reply.error.reason).toEqual(['results.error.reasonRequired'])
    expect(reply.initialValue.entryId).toBe(String(E.e4))

    const full = await post({
      intent: 'override',
      entryId: String(E.e3),
      tierId: String(tiers.gold),
      reason: 'Muốn nâng lên mức cao nhất',
    })
    expect(full.status).toBe(409)
    expect(
      (full.data as { result: { error: Record<string, string[]> } }).result.error.tierId,
    ).toEqual(['results.error.quotaFull'])
  })

  it('overrides a tier with a reason: stored, audited and shown', async () => {
    setClock(AFTER)
    const reason = 'Mô hình có tác động lớn ở vùng đặc biệt khó khăn'
    const res = await post({
      intent: 'override',
      entryId: String(E.e4),
      tierId: String(tiers.silver),
      reason,
    })
    expect(res.status).toBe(200)
    const d = (await page()).data as { rows: Row[] }
    const e4 = d.rows.find((r) => r.entryId === E.e4)!
    expect(e4).toMatchObject({ tier: 'Bạc', computedTier: null, override: { reason } })
    const audit = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'results.override')
      .where('subject_id', '=', String(E.e4))
      .executeTakeFirstOrThrow()
    expect(audit.reason).toBe(reason)
  })

  it('finalises only after judging closes, with confirmation, once', async () => {
    setClock(DURING)
    expect((await post({ intent: 'finalise', confirm: 'yes' })).status).toBe(409)
    setClock(AFTER)
    const unconfirmed = await post({ intent: 'finalise' })
    expect(unconfirmed.status).toBe(400)
    expect(
      (unconfirmed.data as { result: { error: Record<string, string[]> } }).result.error.confirm,
    ).toEqual(['results.error.confirmRequired'])

    expect((await post({ intent: 'finalise', confirm: 'yes' })).status).toBe(200)
    const db = getDb()
    const contest = await db
      .selectFrom('contests')
      .selectAll()
      .where('id', '=', contestId)
      .executeTakeFirstOrThrow()
    expect(contest.status).toBe('finalised')
    expect(contest.finalised_at).not.toBeNull()
    const unlocked = await db
      .selectFrom('score_sheets')
      .select('id')
      .where('entry_id', 'in', Object.values(E))
      .where('locked_at', 'is', null)
      .execute()
    expect(unlocked).toEqual([])
    const states = await db
      .selectFrom('entries')
      .select(['id', 'state'])
      .where('contest_id', '=', contestId)
      .execute()
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({
      [E.e1]: 'awarded',
      [E.e2]: 'awarded',
      [E.e3]: 'awarded',
      [E.e4]: 'awarded', // by the override
    })
    const stored = await db
      .selectFrom('results')
      .selectAll()
      .where('contest_id', '=', contestId)
      .execute()
    expect(stored.find((r) => r.entry_id === E.e4)).toMatchObject({
      rank: 4,
      raw_score: 50,
      computed_tier_id: null,
      tier_id: tiers.silver,
    })

    const again = await post({ intent: 'finalise', confirm: 'yes' })
    expect(again.status).toBe(409)
    // No more overrides once final.
    const late = await post({
      intent: 'override',
      entryId: String(E.e3),
      tierId: 'none',
      reason: 'Quá muộn để điều chỉnh',
    })
    expect(late.status).toBe(409)
  })

  it('publishes only with a decision, with confirmation, once', async () => {
    setClock(AFTER)
    const early = await post({ intent: 'publish', confirm: 'yes' })
    expect(early.status).toBe(409)
    expect(
      (early.data as { result: { error: Record<string, string[]> } }).result.error.decisionNumber,
    ).toEqual(['results.error.decisionMissing'])

    const bad = await post({
      intent: 'decision',
      decisionNumber: '',
      decisionDate: '2025-13-40',
      signerTitle: 'Trưởng ban',
    })
    expect(bad.status).toBe(400)
    const errors = (bad.data as { result: { error: Record<string, string[]> } }).result.error
    expect(errors.decisionNumber).toEqual(['results.error.decisionNumber'])
    expect(errors.decisionDate).toBeDefined()

    expect(
      (
        await post({
          intent: 'decision',
          decisionNumber: '125-QĐ/BDVHU',
          decisionDate: '2025-12-04',
          signerTitle: 'Trưởng Ban Tuyên giáo và Dân vận',
        })
      ).status,
    ).toBe(200)
    expect((await post({ intent: 'publish' })).status).toBe(400)
    expect((await post({ intent: 'publish', confirm: 'yes' }, cookies.unit)).status).toBe(403)

    // Not public before publication.
    const hidden = await call(publicResults.loader, {
      path: `/contests/${contestId}/results`,
      params: params(),
    })
    expect(hidden.status).toBe(404)

    expect((await post({ intent: 'publish', confirm: 'yes' })).status).toBe(200)
    const db = getDb()
    const awards = await db
      .selectFrom('awards')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('rank')
      .execute()
    expect(awards.map((a) => [a.entry_id, a.tier_id, a.decision_number])).toEqual([
      [E.e1, tiers.gold, '125-QĐ/BDVHU'],
      [E.e2, tiers.silver, '125-QĐ/BDVHU'],
      [E.e3, tiers.silver, '125-QĐ/BDVHU'],
      [E.e4, tiers.silver, '125-QĐ/BDVHU'],
    ])
    const entries = await db
      .selectFrom('entries')
      .select('state')
      .where('contest_id', '=', contestId)
      .execute()
    expect(entries.every((e) => e.state === 'published')).toBe(true)
    const models = await db
      .selectFrom('models')
      .select('published_at')
      .where('slug', 'like', 'mo-hinh-ket-qua-%')
      .execute()
    expect(models.every((m) => m.published_at !== null)).toBe(true)
    // In the public catalog, found without diacritics, with the award of this contest.
    const found = await searchCatalog(
      parseCatalogParams(new URLSearchParams('q=nuoc sach ban mong')),
    )
    expect(found.results.map((r) => r.slug)).toContain('mo-hinh-ket-qua-2')
    const hit = found.results.find((r) => r.slug === 'mo-hinh-ket-qua-2')!
    expect(hit).toMatchObject({ awardYear: 2025, awardTier: 'Bạc' })
    const told = await db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', unitOfficer)
      .execute()
    expect(told.map((n) => n.kind)).toContain('results.notify.published')

    expect((await post({ intent: 'publish', confirm: 'yes' })).status).toBe(409)
    expect(
      (
        await post({
          intent: 'decision',
          decisionNumber: '999',
          decisionDate: '2025-12-04',
          signerTitle: 'Trưởng ban',
        })
      ).status,
    ).toBe(409)
  })
})

describe('results: public pages and downloads', () => {
  it('shows the published ranking and an awarded entry with unnamed judges', async () => {
    const res = await call(publicResults.loader, {
      path: `/contests/${contestId}/results`,
      params: params(),
    })
    expect(res.status).toBe(200)
    const d = res.data as {
      rows: { entryId: number; rank: number; tier: string; criterionMeans: number[] }[]
    }
    expect(d.rows.map((r) => [r.entryId, r.rank, r.tier])).toEqual([
      [E.e1, 1, 'Vàng'],
      [E.e2, 2, 'Bạc'],
      [E.e3, 3, 'Bạc'],
      [E.e4, 4, 'Bạc'],
    ])
    expect(d.rows[0]!.criterionMeans).toEqual([35, 53])

    const one = await call(publicEntry.loader, {
      path: `/contests/${contestId}/entries/${E.e1}`,
      params: { contestId: String(contestId), entryId: String(E.e1) },
    })
    expect(one.status).toBe(200)
    const json = JSON.stringify(one.data)
    expect(json).toContain('Cách làm rất sáng tạo')
    expect(json).not.toContain(SECRET_JUDGE_NAME)
    expect(
      (one.data as { breakdown: { comments: { judge: number }[] }[] }).breakdown[0]!.comments[0]!
        .judge,
    ).toBe(1)
  })

  it('downloads the workbook and CSVs with the expected scores and Vietnamese names', async () => {
    const xlsx = await file('results.xlsx')
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('Content-Disposition')).toContain("filename*=UTF-8''")
    const wb = await readWorkbook(xlsx.body)
    const matrix = wb.worksheets[1]!
    const values: unknown[] = []
    matrix.eachRow((row) => values.push(...(row.values as unknown[])))
    expect(values).toContain(36)
    expect(values).toContain(54)
    const results = wb.worksheets[2]!
    const cells: unknown[] = []
    results.eachRow((row) => cells.push(...(row.values as unknown[])))
    expect(cells).toContain(88)
    expect(cells).toContain('Đường giao thông nông thôn')

    const csv = await file('scores.csv')
    expect(csv.status).toBe(200)
    // UTF-8 byte order mark first, so Excel reads Vietnamese correctly.
    expect([...csv.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(csv.body)
    expect(text).toContain('Nước sạch cho bản Mông')
    expect((await file('nothing.txt')).status).toBe(404)
    expect((await file('results.xlsx', cookies.unit)).status).toBe(403)
  })

  it('prints certificates with the Vietnamese title and the decision', async () => {
    const pdf = await file(`certificate-${E.e2}.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    const text = await pdfText(pdf.body)
    expect(text).toContain('Nước sạch cho bản Mông')
    expect(text).toContain('125-QĐ/BDVHU')
    const all = await file('certificates.pdf')
    expect(all.status).toBe(200)
    const everything = await pdfText(all.body)
    for (const t of ['Đường giao thông nông thôn', 'Tổ hòa giải ở thôn', 'Camera an ninh']) {
      expect(everything).toContain(t)
    }
  })

  it("lets the entry's unit download its own certificate, and no other unit", async () => {
    const other = await cookieFor(
      (await createUser([{ role: 'unit', orgUnitId: org.otherUnit }])).id,
    )
    const get = async (cookie: string) => {
      try {
        return (await unitCertificate.loader({
          request: new Request(`http://localhost/unit/entries/${E.e3}/certificate.pdf`, {
            headers: { Cookie: cookie },
          }),
          params: { entryId: String(E.e3) },
          context: {},
        })) as Response
      } catch (thrown) {
        return thrown as { init?: { status?: number } }
      }
    }
    const own = await get(cookies.unit)
    expect(own).toBeInstanceOf(Response)
    const text = await pdfText(new Uint8Array(await (own as Response).arrayBuffer()))
    expect(text).toContain('Tổ hòa giải ở thôn')
    const refused = await get(other)
    expect((refused as { init?: { status?: number } }).init?.status).toBe(403)
  })

  it('puts only the configured public address in the QR code, whatever the Host header says', async () => {
    const res = (await unitCertificate.loader({
      request: new Request(`http://evil.example/unit/entries/${E.e3}/certificate.pdf`, {
        headers: { Cookie: cookies.unit, Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' },
      }),
      params: { entryId: String(E.e3) },
      context: {},
    })) as Response
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()))
    expect(text).toContain('http://localhost:3000/models/')
    expect(text).not.toContain('evil.example')
  })
})
