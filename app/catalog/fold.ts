/**
 * Vietnamese folding for the catalog search: the search index holds folded text and
 * every query is folded the same way, so `dan van kheo` finds "Dân vận khéo",
 * `duong` finds "đường" and `mong` finds "Mông". FTS5's own `remove_diacritics`
 * does not fold đ/Đ (it is a letter, not a d with a mark), hence this module.
 * Pure: no I/O.
 */

const MARKS = /[\u0300-\u036f]/g

/** One character folded: NFD, combining marks dropped, đ/Đ → d, lower case (may be ''). */
export function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd'
  return ch.normalize('NFD').replace(MARKS, '').toLowerCase()
}

/** Folded text: diacritics and đ removed, lower case. Character-for-character on the NFC form. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase()
}

/** The words of a text as FTS5's unicode61 tokenizer sees them: runs of letters and digits. */
export function tokens(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Longest query we look at (characters) and most tokens: a search box, not a document. */
export const MAX_QUERY_LENGTH = 200
export const MAX_QUERY_TOKENS = 12

/** The folded tokens of a visitor's query, the last one marked as a prefix when ≥ 2 characters. */
export interface ParsedQuery {
  terms: string[]
  /** Whether the last term also matches longer words ("khe" finds "khéo"). */
  prefix: boolean
}

export function parseQuery(input: string): ParsedQuery {
  const terms = tokens(input.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_TOKENS)
  const last = terms[terms.length - 1]
  return { terms, prefix: !!last && last.length >= 2 }
}

/**
 * The FTS5 MATCH expression of a query, or null when it has no words (then there is no
 * search). Every term is a quoted string, so nothing the visitor types (quotes, `*`, `-`,
 * `:`, `^`, AND/OR/NOT/NEAR, parentheses, column filters) can act as FTS5 syntax; only the
 * last term gets the prefix `*` we add ourselves. Terms are ANDed (FTS5's implicit AND).
 */
export function matchExpression(input: string): string | null {
  const { terms, prefix } = parseQuery(input)
  if (!terms.length) return null
  return terms
    .map((t, i) => {
      const quoted = `"${t.replace(/"/g, '""')}"`
      return i === terms.length - 1 && prefix ? `${quoted}*` : quoted
    })
    .join(' ')
}

/** A piece of the original text, marked when it is (part of) a matched word. */
export interface Segment {
  text: string
  mark: boolean
}

interface Word {
  start: number
  end: number
  folded: string
}

/** The words of the original text with their positions in it (folding each character). */
function wordsOf(text: string): Word[] {
  const words: Word[] = []
  let current: Word | null = null
  const chars = Array.from(text)
  let offset = 0
  for (const ch of chars) {
    const folded = foldChar(ch)
    const isWord = /^[\p{L}\p{N}]+$/u.test(folded)
    if (isWord) {
      if (!current) current = { start: offset, end: offset, folded: '' }
      current.folded += folded
      current.end = offset + ch.length
    } else if (folded === '' && current && /\p{M}/u.test(ch)) {
      // A lone combining mark inside a word (decomposed input): stays part of the word.
      current.end = offset + ch.length
    } else if (current) {
      words.push(current)
      current = null
    }
    offset += ch.length
  }
  if (current) words.push(current)
  return words
}

function matches(word: string, query: ParsedQuery) {
  const last = query.terms.length - 1
  return query.terms.some(
    (t, i) => word === t || (i === last && query.prefix && word.startsWith(t)),
  )
}

/**
 * The original text cut into segments with the words the query matched marked, compared on
 * folded forms (so "dan" marks "Dân"), exactly as the search matched them: whole words, the
 * last term also as a prefix. An empty query marks nothing.
 */
export function highlight(text: string, query: ParsedQuery): Segment[] {
  if (!text) return []
  if (!query.terms.length) return [{ text, mark: false }]
  const segments: Segment[] = []
  let at = 0
  for (const w of wordsOf(text)) {
    if (!matches(w.folded, query)) continue
    if (w.start > at) segments.push({ text: text.slice(at, w.start), mark: false })
    segments.push({ text: text.slice(w.start, w.end), mark: true })
    at = w.end
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false })
  return segments
}

/**
 * A short excerpt of a long text around its first matched word, with the matches marked:
 * what the results list shows under a title. Without a match, the text's beginning.
 */
export function snippet(text: string, query: ParsedQuery, length = 180): Segment[] {
  const words = wordsOf(text)
  const first = query.terms.length ? words.find((w) => matches(w.folded, query)) : undefined
  if (text.length <= length) return highlight(text, query)
  let start = first ? Math.max(0, first.start - Math.floor(length / 3)) : 0
  // Start and end on word boundaries.
  const startWord = words.find((w) => w.end > start)
  if (start > 0 && startWord) start = startWord.start
  let end = Math.min(text.length, start + length)
  const endWord = [...words].reverse().find((w) => w.start < end)
  if (end < text.length && endWord) end = endWord.end
  const segments = highlight(text.slice(start, end), query)
  if (start > 0) segments.unshift({ text: '… ', mark: false })
  if (end < text.length) segments.push({ text: ' …', mark: false })
  return segments
}

/** Whether a text has any word the query matches (for picking which field to excerpt). */
export function hasMatch(text: string, query: ParsedQuery) {
  return query.terms.length > 0 && wordsOf(text).some((w) => matches(w.folded, query))
}
