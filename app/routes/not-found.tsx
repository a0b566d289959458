import { data } from '@remix-run/node'

// Any path no route claims: the root error boundary renders the 404 page in the visitor's language.
export async function loader() {
  throw data({ message: 'not found' }, { status: 404 })
}

export async function action() {
  throw data({ message: 'not found' }, { status: 404 })
}

export default function NotFound() {
  return null
}
