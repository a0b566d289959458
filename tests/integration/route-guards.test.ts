import { beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '#db/domain'
import routes from '~/routes'
import * as account from '~/routes/account'
import * as adminContestForm from '~/routes/admin/contest-form'
import * as adminContests from '~/routes/admin/contests'
import * as adminDashboard from '~/routes/admin/dashboard'
import * as adminEntries from '~/routes/admin/entries'
import * as adminContestPanels from '~/routes/admin/contest-panels'
import * as adminContestProgress from '~/routes/admin/contest-progress'
import * as adminEntry from '~/routes/admin/entry'
import * as adminContestResults from '~/routes/admin/contest-results'
import * as adminContestFiles from '~/routes/admin/contest-files'
import * as unitCertificate from '~/routes/unit/certificate'
import * as adminUserEdit from '~/routes/admin/user-edit'
import * as adminUsers from '~/routes/admin/users'
import * as communeHome from '~/routes/commune/home'
import * as communeReplication from '~/routes/commune/replication'
import * as communeReplicationNew from '~/routes/commune/replication-new'
import * as adminMonitoring from '~/routes/admin/monitoring'
import * as adminMonitoringCsv from '~/routes/admin/monitoring-csv'
import * as adminReplications from '~/routes/admin/replications'
import * as adminRevision from '~/routes/admin/revision'
import * as adminRevisions from '~/routes/admin/revisions'
import * as judgeEntry from '~/routes/judge/entry'
import * as judgeConflict from '~/routes/judge/conflict'
import * as judgeHome from '~/routes/judge/home'
import * as notifications from '~/routes/notifications'
import * as unitEntryMedia from '~/routes/unit/entry-media'
import * as unitEntry from '~/routes/unit/entry'
import * as unitHome from '~/routes/unit/home'
import * as unitModelForm from '~/routes/unit/model-form'
import * as unitNominate from '~/routes/unit/nominate'
import { call } from '../support/remix'
import { cookieFor, createOrgTree, userWithRole } from '../support/fixtures'

/**
 * Every protected route, with the roles it admits ('any' = any signed-in user).
 * The completeness test below fails when a route is added to app/routes.ts
 * without being listed here or in PUBLIC_ROUTES.
 */
type Module = { loader?: (...a: never[]) => unknown; action?: (...a: never[]) => unknown }
const PROTECTED: {
  file: string
  path: string
  params?: Record<string, string>
  module: Module
  roles: Role[] | 'any'
}[] = [
  { file: 'routes/account.tsx', path: '/account', module: account, roles: 'any' },
  {
    file: 'routes/notifications.tsx',
    path: '/notifications',
    module: notifications,
    roles: 'any',
  },
  {
    file: 'routes/admin/contests.tsx',
    path: '/admin/contests',
    module: adminContests,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/contest-form.tsx',
    path: '/admin/contests/new',
    module: adminContestForm,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/contest-form.tsx',
    path: '/admin/contests/1',
    params: { contestId: '1' },
    module: adminContestForm,
    roles: ['admin'],
  },
  { file: 'routes/admin/dashboard.tsx', path: '/admin', module: adminDashboard, roles: ['admin'] },
  { file: 'routes/admin/users.tsx', path: '/admin/users', module: adminUsers, roles: ['admin'] },
  {
    file: 'routes/admin/user-edit.tsx',
    path: '/admin/users/1',
    params: { userId: '1' },
    module: adminUserEdit,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/entries.tsx',
    path: '/admin/entries',
    module: adminEntries,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/entry.tsx',
    path: '/admin/entries/1',
    params: { entryId: '1' },
    module: adminEntry,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/contest-panels.tsx',
    path: '/admin/contests/1/panels',
    params: { contestId: '1' },
    module: adminContestPanels,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/contest-progress.tsx',
    path: '/admin/contests/1/progress',
    params: { contestId: '1' },
    module: adminContestProgress,
    roles: ['admin'],
  },
  { file: 'routes/unit/home.tsx', path: '/unit', module: unitHome, roles: ['unit'] },
  {
    file: 'routes/unit/model-form.tsx',
    path: '/unit/models/new',
    module: unitModelForm,
    roles: ['unit'],
  },
  {
    file: 'routes/unit/model-form.tsx',
    path: '/unit/models/1',
    params: { modelId: '1' },
    module: unitModelForm,
    roles: ['unit'],
  },
  {
    file: 'routes/unit/nominate.ts',
    path: '/unit/models/1/nominate',
    params: { modelId: '1' },
    module: unitNominate,
    roles: ['unit'],
  },
  {
    file: 'routes/unit/entry.tsx',
    path: '/unit/entries/1',
    params: { entryId: '1' },
    module: unitEntry,
    roles: ['unit'],
  },
  {
    file: 'routes/unit/entry-media.ts',
    path: '/unit/entries/1/media',
    params: { entryId: '1' },
    module: unitEntryMedia,
    roles: ['unit'],
  },
  { file: 'routes/judge/home.tsx', path: '/judge', module: judgeHome, roles: ['judge'] },
  {
    file: 'routes/judge/conflict.ts',
    path: '/judge/entries/1/conflict',
    params: { entryId: '1' },
    module: judgeConflict,
    roles: ['judge'],
  },
  {
    file: 'routes/judge/entry.tsx',
    path: '/judge/entries/1',
    params: { entryId: '1' },
    module: judgeEntry,
    roles: ['judge'],
  },
  { file: 'routes/commune/home.tsx', path: '/commune', module: communeHome, roles: ['commune'] },
  {
    file: 'routes/commune/replication-new.tsx',
    path: '/commune/replications/new',
    module: communeReplicationNew,
    roles: ['commune'],
  },
  {
    // The loader also admits the area's organiser (read only); the action is the commune's alone.
    file: 'routes/commune/replication.tsx',
    path: '/commune/replications/1',
    params: { replicationId: '1' },
    module: communeReplication,
    roles: ['commune', 'admin'],
  },
  {
    file: 'routes/admin/replications.tsx',
    path: '/admin/replications',
    module: adminReplications,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/revisions.tsx',
    path: '/admin/revisions',
    module: adminRevisions,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/revision.tsx',
    path: '/admin/revisions/1',
    params: { revisionId: '1' },
    module: adminRevision,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/monitoring.tsx',
    path: '/admin/monitoring',
    module: adminMonitoring,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/monitoring-csv.ts',
    path: '/admin/monitoring/csv/fields',
    params: { chart: 'fields' },
    module: adminMonitoringCsv,
    roles: ['admin'],
  },
  {
    file: 'routes/admin/contest-results.tsx',
    path: '/admin/contests/1/results',
    params: { contestId: '1' },
    module: adminContestResults,
    roles: ['admin'],
  },
  {
    file: 'routes/unit/certificate.ts',
    path: '/unit/entries/1/certificate.pdf',
    params: { entryId: '1' },
    module: unitCertificate,
    roles: ['unit'],
  },
  {
    file: 'routes/admin/contest-files.ts',
    path: '/admin/contests/1/files/results.xlsx',
    params: { contestId: '1', file: 'results.xlsx' },
    module: adminContestFiles,
    roles: ['admin'],
  },
]

/** Routes anyone may use, and why. */
const PUBLIC_ROUTES = new Set([
  'routes/home.tsx', // public home page
  'routes/login.tsx', // sign-in
  'routes/logout.ts', // ends the caller's own session, if any
  'routes/language.ts', // language cookie
  'routes/healthz.ts', // health check
  // UploadThing's endpoint: the file router's middleware runs requireEditableEntry before any URL
  // is signed, and UploadThing's callback is verified by the SDK's signature check (400 otherwise);
  // tests/integration/uploadthing.test.ts covers both. Without UPLOADTHING_TOKEN it is a 404.
  'routes/api.uploadthing.ts',
  'routes/media.ts', // stored files: each request authorised by the file's owner (entry, model)
  'routes/not-found.tsx', // 404 for every unknown path
  'routes/models/index.tsx', // public catalog of published models
  'routes/models/model.tsx', // public page of a published model (404 otherwise)
  'routes/open-data/models.json.ts', // open data: published models only
  'routes/open-data/models.csv.ts',
  'routes/open-data/replications.json.ts', // open data: replications of published models
  'routes/open-data/replications.csv.ts',
  'routes/contests/index.tsx', // published results only
  'routes/contests/results.tsx', // 404 unless the contest is published
  'routes/contests/entry.tsx', // 404 unless the entry is awarded in a published contest
])

function filesOf(config: { file: string; children?: unknown[] }[]): string[] {
  return config.flatMap((r) => [r.file, ...filesOf((r.children ?? []) as { file: string }[])])
}

describe('route guards', () => {
  const cookies = {} as Record<Role, string>

  beforeAll(async () => {
    const org = await createOrgTree()
    for (const role of ROLES) {
      const user = await userWithRole(role, org)
      cookies[role] = await cookieFor(user.id)
    }
  })

  it('lists every route as protected or public', () => {
    const declared = filesOf(routes as { file: string }[]).sort()
    const covered = [...PROTECTED.map((r) => r.file), ...PUBLIC_ROUTES].sort()
    expect(declared).toEqual(covered)
  })

  for (const route of PROTECTED) {
    for (const kind of ['loader', 'action'] as const) {
      const handler = route.module[kind] as Parameters<typeof call>[0] | undefined
      if (!handler) continue
      const method = kind === 'loader' ? 'GET' : 'POST'

      it(`${method} ${route.path}: anonymous visitors go to the sign-in page`, async () => {
        const res = await call(handler, {
          path: route.path,
          method,
          params: route.params,
          form: kind === 'action' ? {} : undefined,
        })
        expect(res.status).toBe(302)
        expect(res.location).toBe(`/login?redirectTo=${encodeURIComponent(route.path)}`)
      })

      const refused =
        route.roles === 'any' ? [] : ROLES.filter((r) => !(route.roles as Role[]).includes(r))
      for (const role of refused) {
        it(`${method} ${route.path}: role ${role} gets 403`, async () => {
          const res = await call(handler, {
            path: route.path,
            method,
            params: route.params,
            cookie: cookies[role],
            form: kind === 'action' ? {} : undefined,
          })
          expect(res.status).toBe(403)
        })
      }

      if (kind === 'loader') {
        const admitted = route.roles === 'any' ? ROLES : route.roles
        for (const role of admitted) {
          it(`${method} ${route.path}: role ${role} is admitted`, async () => {
            const res = await call(handler, {
              path: route.path,
              params: route.params,
              cookie: cookies[role],
            })
            expect([200, 302, 404]).toContain(res.status)
            expect(res.location ?? '').not.toMatch(/^\/login/)
          })
        }
      }
    }
  }
})
