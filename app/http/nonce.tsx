import { createContext, useContext, type ReactNode } from 'react'

/**
 * The request's Content-Security-Policy nonce, given by the server entry to the document's
 * scripts and style elements. In the browser it is empty: browsers hide nonces from the page,
 * and scripts added after hydration are trusted through the ones that carried it.
 */
const NonceContext = createContext('')

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>
}

export const useNonce = () => useContext(NonceContext)
