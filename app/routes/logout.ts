import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { logoutRedirect } from '~/auth/session.server'

// Signing out is a POST (from the header button); a GET only sends the visitor home.
export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  return logoutRedirect(request, '/')
}
