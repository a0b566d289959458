import type { MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { pageTitle } from '~/ui/page-title'

// Any path no route claims: the root error boundary renders the 404 page in the visitor's language.
export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('error.404.title')])

export async function loader() {
  throw data({ message: 'not found' }, { status: 404 })
}

export async function action() {
  throw data({ message: 'not found' }, { status: 404 })
}

export default function NotFound() {
  return null
}
