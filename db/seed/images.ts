import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { Rng } from './random'
import type { Scene } from './themes'

/**
 * Demo photos, drawn as SVG scenes of the karst highlands (no text, so no font is needed)
 * and encoded once per process: a JPEG original plus the WebP variants the app serves.
 */

/** Size of the JPEG originals (phones shrink photos to about this before upload). */
export const PHOTO_WIDTH = 1280
export const PHOTO_HEIGHT = 960
export const VARIANT_WIDTHS = [320, 640, 1280] as const
/** Versions of each scene: photo n of a model uses version n % VERSIONS. */
export const VERSIONS = 3

export interface EncodedImage {
  bytes: Buffer
  width: number
  height: number
  mime: 'image/jpeg' | 'image/webp'
}

export interface SeedPhoto extends EncodedImage {
  sha256: string
  variants: EncodedImage[]
}

/** The scenes are drawn on a 1600 × 1200 canvas and rasterised at the photo size. */
const W = 1600
const H = 1200

const SKIES: [string, string, string][] = [
  // top, horizon, sun
  ['#7fb7e6', '#e3f1fb', '#fff6c9'],
  ['#f3a46b', '#fde3b8', '#ffefa6'],
  ['#9fc3d9', '#edf2f0', '#ffffff'],
  ['#5f9fd6', '#cfe7f7', '#fff9d8'],
]

const f = (n: number) => n.toFixed(0)

function mountains(rng: Rng, baseY: number, minH: number, maxH: number, fill: string) {
  const pts: string[] = [`0,${H}`, `0,${f(baseY)}`]
  let x = 0
  while (x < W) {
    const peakX = x + rng.range(40, 110)
    const valleyX = peakX + rng.range(40, 120)
    pts.push(`${f(peakX)},${f(baseY - rng.range(minH, maxH))}`)
    pts.push(`${f(valleyX)},${f(baseY - rng.range(0, minH * 0.4))}`)
    x = valleyX
  }
  pts.push(`${W},${H}`)
  return `<polygon points="${pts.join(' ')}" fill="${fill}"/>`
}

function hills(rng: Rng, baseY: number, amp: number, fill: string) {
  let d = `M0,${H} L0,${f(baseY)}`
  const n = 4
  for (let i = 1; i <= n; i++) {
    const x = (W / n) * i
    d += ` Q${f(x - W / n / 2)},${f(baseY - rng.range(amp * 0.4, amp))} ${f(x)},${f(baseY - rng.range(0, amp * 0.3))}`
  }
  return `<path d="${d} L${W},${H} Z" fill="${fill}"/>`
}

function terraces(rng: Rng, top: number, colors: string[]) {
  let out = ''
  const bands = 7
  const step = (H - top) / bands
  for (let i = 0; i < bands; i++) {
    const y = top + i * step
    const c = colors[i % colors.length]!
    const wob = rng.range(10, 35)
    out += `<path d="M0,${f(y + wob)} C${f(W * 0.3)},${f(y - wob)} ${f(W * 0.6)},${f(y + wob * 1.5)} ${W},${f(y)} L${W},${H} L0,${H} Z" fill="${c}"/>`
  }
  return out
}

function house(x: number, y: number, s: number, wall: string, roof: string) {
  const w = 160 * s
  const h = 95 * s
  return (
    `<rect x="${f(x)}" y="${f(y - h)}" width="${f(w)}" height="${f(h)}" fill="${wall}"/>` +
    `<polygon points="${f(x - 18 * s)},${f(y - h)} ${f(x + w / 2)},${f(y - h - 70 * s)} ${f(x + w + 18 * s)},${f(y - h)}" fill="${roof}"/>` +
    `<rect x="${f(x + w * 0.42)}" y="${f(y - h * 0.62)}" width="${f(w * 0.18)}" height="${f(h * 0.62)}" fill="#5b3a24"/>`
  )
}

function person(x: number, y: number, s: number, shirt: string, skin = '#c98f64') {
  return (
    `<rect x="${f(x - 22 * s)}" y="${f(y - 95 * s)}" width="${f(44 * s)}" height="${f(70 * s)}" rx="${f(16 * s)}" fill="${shirt}"/>` +
    `<rect x="${f(x - 18 * s)}" y="${f(y - 30 * s)}" width="${f(14 * s)}" height="${f(30 * s)}" fill="#2f2f3a"/>` +
    `<rect x="${f(x + 4 * s)}" y="${f(y - 30 * s)}" width="${f(14 * s)}" height="${f(30 * s)}" fill="#2f2f3a"/>` +
    `<circle cx="${f(x)}" cy="${f(y - 112 * s)}" r="${f(19 * s)}" fill="${skin}"/>` +
    `<path d="M${f(x - 19 * s)},${f(y - 116 * s)} Q${f(x)},${f(y - 142 * s)} ${f(x + 19 * s)},${f(y - 116 * s)} Z" fill="#1f1a17"/>`
  )
}

function crowd(rng: Rng, cx: number, y: number, n: number, s: number, shirts: string[]) {
  let out = ''
  for (let i = 0; i < n; i++) {
    const x = cx + (i - (n - 1) / 2) * 62 * s + rng.range(-8, 8)
    out += person(x, y + rng.range(-10, 10), s * rng.range(0.9, 1.08), rng.pick(shirts))
  }
  return out
}

function flag(x: number, y: number, s: number) {
  const cx = x + 60 * s
  const cy = y - 200 * s
  const star: string[] = []
  for (let i = 0; i < 10; i++) {
    const r = (i % 2 === 0 ? 26 : 10) * s
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    star.push(`${f(cx + r * Math.cos(a))},${f(cy + r * Math.sin(a))}`)
  }
  return (
    `<rect x="${f(x - 3 * s)}" y="${f(y - 260 * s)}" width="${f(6 * s)}" height="${f(260 * s)}" fill="#8a8a8a"/>` +
    `<rect x="${f(x)}" y="${f(y - 250 * s)}" width="${f(120 * s)}" height="${f(80 * s)}" fill="#da251d"/>` +
    `<polygon points="${star.join(' ')}" fill="#ffdd00"/>`
  )
}

function cow(x: number, y: number, s: number, color: string) {
  return (
    `<rect x="${f(x - 70 * s)}" y="${f(y - 45 * s)}" width="${f(14 * s)}" height="${f(45 * s)}" fill="${color}"/>` +
    `<rect x="${f(x + 50 * s)}" y="${f(y - 45 * s)}" width="${f(14 * s)}" height="${f(45 * s)}" fill="${color}"/>` +
    `<ellipse cx="${f(x)}" cy="${f(y - 70 * s)}" rx="${f(90 * s)}" ry="${f(42 * s)}" fill="${color}"/>` +
    `<ellipse cx="${f(x + 100 * s)}" cy="${f(y - 92 * s)}" rx="${f(30 * s)}" ry="${f(24 * s)}" fill="${color}"/>` +
    `<path d="M${f(x + 88 * s)},${f(y - 112 * s)} l${f(-8 * s)},${f(-18 * s)} M${f(x + 112 * s)},${f(y - 112 * s)} l${f(8 * s)},${f(-18 * s)}" stroke="#efe6d0" stroke-width="${f(6 * s)}"/>`
  )
}

function tree(x: number, y: number, s: number, leaf: string) {
  return (
    `<rect x="${f(x - 7 * s)}" y="${f(y - 70 * s)}" width="${f(14 * s)}" height="${f(70 * s)}" fill="#6b4a2f"/>` +
    `<circle cx="${f(x)}" cy="${f(y - 95 * s)}" r="${f(45 * s)}" fill="${leaf}"/>`
  )
}

function road(rng: Rng, horizonY: number, color: string) {
  const bend = rng.range(-260, 260)
  return (
    `<path d="M${f(W * 0.18)},${H} C${f(W * 0.35 + bend)},${f(horizonY + 300)} ${f(W * 0.5 - bend)},${f(horizonY + 120)} ${f(W * 0.52)},${f(horizonY)} L${f(W * 0.55)},${f(horizonY)} C${f(W * 0.56 - bend)},${f(horizonY + 120)} ${f(W * 0.62 + bend)},${f(horizonY + 300)} ${f(W * 0.78)},${H} Z" fill="${color}"/>` +
    `<path d="M${f(W * 0.48)},${H} C${f(W * 0.48 + bend)},${f(horizonY + 300)} ${f(W * 0.53 - bend)},${f(horizonY + 120)} ${f(W * 0.535)},${f(horizonY)}" stroke="#f4f1e8" stroke-width="8" stroke-dasharray="40 34" fill="none"/>`
  )
}

function sceneBody(scene: Scene, rng: Rng): string {
  const sky = rng.pick(SKIES)
  const night = scene === 'night'
  const [top, horizon, sun] = night ? ['#0d1b3a', '#2c3e6b', '#f4f1d0'] : sky
  let s =
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${horizon}"/></linearGradient>` +
    `<radialGradient id="glow"><stop offset="0" stop-color="#ffd75e" stop-opacity="0.9"/><stop offset="1" stop-color="#ffd75e" stop-opacity="0"/></radialGradient></defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
    `<circle cx="${f(rng.range(150, W - 150))}" cy="${f(rng.range(110, 260))}" r="${f(rng.range(45, 80))}" fill="${sun}"/>`
  if (night) {
    for (let i = 0; i < 60; i++) {
      s += `<circle cx="${f(rng.range(0, W))}" cy="${f(rng.range(0, H * 0.45))}" r="${f(rng.range(1, 3.5))}" fill="#ffffff" opacity="${rng.range(0.4, 1).toFixed(2)}"/>`
    }
  }
  const far = night ? '#1d2b4f' : '#9bb0b5'
  const mid = night ? '#16223f' : '#6f8f7d'
  s += mountains(rng, H * 0.52, 160, 330, far)
  s += mountains(rng, H * 0.62, 120, 260, mid)
  const ground = night ? '#1e2d25' : rng.pick(['#7aa35a', '#8bab5e', '#6d9a4f'])
  s += hills(rng, H * 0.7, 90, ground)

  const shirts = ['#1f5fa8', '#c0392b', '#2e7d32', '#6a1b9a', '#e67e22', '#37474f', '#ad1457']
  switch (scene) {
    case 'road':
      s += road(rng, H * 0.66, '#9c9a94')
      s += house(rng.range(60, 260), H * 0.78, 0.9, '#e8dcc2', '#7a4b2f')
      s += house(rng.range(1150, 1350), H * 0.8, 1, '#f0e6cf', '#5d4037')
      s += crowd(rng, W * 0.3, H * 0.98, 3, 1.3, shirts)
      break
    case 'border': {
      const mx = rng.range(600, 900)
      s += `<rect x="${f(mx)}" y="${f(H * 0.5)}" width="120" height="300" fill="#e9e7e1"/>`
      s += `<polygon points="${f(mx - 10)},${f(H * 0.5)} ${f(mx + 60)},${f(H * 0.5 - 70)} ${f(mx + 130)},${f(H * 0.5)}" fill="#d7d4cc"/>`
      s += `<rect x="${f(mx)}" y="${f(H * 0.5 + 60)}" width="120" height="24" fill="#b71c1c"/>`
      s += flag(mx + 260, H * 0.86, 1.3)
      s += crowd(rng, mx - 250, H * 0.97, 4, 1.2, ['#2e5e2e', '#3d6b3d', '#1f5fa8', '#c0392b'])
      break
    }
    case 'cattle':
      for (let i = 0; i < 4; i++) {
        s += cow(
          rng.range(150, W - 250),
          rng.range(H * 0.8, H * 0.97),
          rng.range(0.9, 1.4),
          rng.pick(['#c8902f', '#b97a22', '#d9a441']),
        )
      }
      s += `<rect x="${f(rng.range(1100, 1300))}" y="${f(H * 0.62)}" width="260" height="140" fill="#8d6e53"/>`
      s += `<polygon points="${f(1080)},${f(H * 0.62)} ${f(1230)},${f(H * 0.62 - 70)} ${f(1420)},${f(H * 0.62)}" fill="#5d4037"/>`
      break
    case 'water': {
      const tx = rng.range(450, 800)
      s += `<rect x="${f(tx)}" y="${f(H * 0.55)}" width="420" height="260" rx="18" fill="#cfd3d6"/>`
      s += `<ellipse cx="${f(tx + 210)}" cy="${f(H * 0.55)}" rx="210" ry="34" fill="#4aa3df"/>`
      s += `<path d="M${f(tx + 420)},${f(H * 0.75)} C${f(tx + 600)},${f(H * 0.78)} ${f(tx + 700)},${f(H * 0.9)} ${W},${f(H * 0.92)}" stroke="#2f4f6f" stroke-width="14" fill="none"/>`
      s += crowd(rng, tx - 170, H * 0.97, 3, 1.2, shirts)
      s += house(rng.range(1200, 1380), H * 0.76, 0.8, '#efe3c8', '#7a4b2f')
      break
    }
    case 'meeting':
      s += house(W * 0.3, H * 0.72, 2.2, '#f2e2b6', '#9e2a2b')
      s += flag(W * 0.78, H * 0.8, 1.2)
      s += crowd(rng, W * 0.5, H * 0.97, 8, 1.15, shirts)
      break
    case 'classroom':
      s = `<rect width="${W}" height="${H}" fill="#efe2c4"/>`
      s += `<rect x="0" y="${f(H * 0.78)}" width="${W}" height="${f(H * 0.22)}" fill="#a07850"/>`
      s += `<rect x="${f(W * 0.22)}" y="120" width="${f(W * 0.56)}" height="420" fill="#234d36" stroke="#6d4c2f" stroke-width="18"/>`
      for (let i = 0; i < 6; i++) {
        s += `<path d="M${f(W * 0.27)},${f(190 + i * 55)} h${f(rng.range(200, 700))}" stroke="#dfe8de" stroke-width="6" stroke-linecap="round" opacity="0.8"/>`
      }
      s += `<rect x="${f(W * 0.05)}" y="${f(H * 0.05)}" width="200" height="150" fill="#cfe8f7" stroke="#6d4c2f" stroke-width="12"/>`
      s += crowd(rng, W * 0.5, H * 0.98, 7, 1.35, shirts)
      for (let i = 0; i < 3; i++) {
        s += `<rect x="${f(180 + i * 460)}" y="${f(H * 0.86)}" width="360" height="40" fill="#7b5534"/>`
      }
      break
    case 'night':
      s += house(rng.range(100, 300), H * 0.78, 1.1, '#3b3b4a', '#2a2030')
      s += house(rng.range(1100, 1300), H * 0.75, 0.9, '#3b3b4a', '#2a2030')
      for (let i = 0; i < 4; i++) {
        const x = W * 0.3 + i * 180 + rng.range(-20, 20)
        s += `<circle cx="${f(x + 30)}" cy="${f(H * 0.78)}" r="90" fill="url(#glow)"/>`
        s += person(x, H * 0.95, 1.3, rng.pick(['#2e4a2e', '#33415c', '#3e2f2f']), '#8a6447')
        s += `<circle cx="${f(x + 30)}" cy="${f(H * 0.78)}" r="10" fill="#fff3b0"/>`
      }
      break
    case 'tea':
      for (let r = 0; r < 7; r++) {
        const y = H * 0.72 + r * 50
        for (let x = -40 + (r % 2) * 60; x < W + 60; x += 120) {
          s += `<ellipse cx="${f(x + rng.range(-10, 10))}" cy="${f(y)}" rx="62" ry="30" fill="${rng.pick(['#2f7d32', '#388e3c', '#43a047'])}"/>`
        }
      }
      s += crowd(rng, W * 0.6, H * 0.93, 3, 1.2, ['#ad1457', '#1f5fa8', '#6a1b9a'])
      break
    case 'houses':
      for (let i = 0; i < 4; i++) {
        s += house(
          80 + i * 380 + rng.range(-30, 30),
          H * (0.78 + (i % 2) * 0.08),
          rng.range(1, 1.35),
          rng.pick(['#f2e6cd', '#e6d3b3', '#f7efe0']),
          rng.pick(['#8d3b2a', '#5d4037', '#4e6a8a']),
        )
      }
      s += crowd(rng, W * 0.55, H * 0.99, 4, 1.1, shirts)
      break
    case 'volunteer':
      s += road(rng, H * 0.7, '#a89f91')
      s += house(rng.range(1100, 1300), H * 0.8, 1.2, '#efe3c8', '#8d3b2a')
      s += crowd(rng, W * 0.3, H * 0.97, 5, 1.2, ['#1565c0', '#1e88e5', '#2e7d32', '#1565c0'])
      s += flag(W * 0.06, H * 0.9, 1)
      break
    case 'health': {
      const bx = rng.range(350, 550)
      s += `<rect x="${f(bx)}" y="${f(H * 0.48)}" width="700" height="${f(H * 0.32)}" fill="#fbfbf8"/>`
      s += `<polygon points="${f(bx - 30)},${f(H * 0.48)} ${f(bx + 350)},${f(H * 0.36)} ${f(bx + 730)},${f(H * 0.48)}" fill="#4e6a8a"/>`
      s += `<rect x="${f(bx + 320)}" y="${f(H * 0.52)}" width="60" height="160" fill="#d32f2f"/>`
      s += `<rect x="${f(bx + 270)}" y="${f(H * 0.52 + 50)}" width="160" height="60" fill="#d32f2f"/>`
      s += crowd(rng, W * 0.5, H * 0.98, 5, 1.2, ['#e3f2fd', '#ad1457', '#6a1b9a', '#2e7d32'])
      break
    }
    case 'fields':
      s += terraces(rng, H * 0.66, ['#9ccc65', '#7cb342', '#aed581', '#689f38'])
      for (let i = 0; i < 5; i++) {
        s += tree(
          rng.range(80, W - 80),
          rng.range(H * 0.75, H * 0.95),
          rng.range(0.9, 1.5),
          rng.pick(['#2e7d32', '#558b2f', '#e57373']),
        )
      }
      s += crowd(rng, W * 0.45, H * 0.98, 2, 1.2, shirts)
      break
  }
  return s
}

export function sceneSvg(scene: Scene, version: number) {
  const seed = [...`${scene}:${version}`].reduce(
    (h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619),
    2166136261,
  )
  const body = sceneBody(scene, new Rng(seed))
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}" viewBox="0 0 ${W} ${H}">${body}</svg>`
}

async function encodeScene(scene: Scene, version: number): Promise<SeedPhoto> {
  // Odd versions are mirrored, so a model's photos of one scene differ at a glance.
  const { data, info } = await sharp(Buffer.from(sceneSvg(scene, version)))
    .flop(version % 2 === 1)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
  const jpeg = await sharp(data, raw).jpeg({ quality: 80, mozjpeg: false }).toBuffer()
  const variants = await Promise.all(
    VARIANT_WIDTHS.map(async (width) => {
      const height = Math.round((info.height * width) / info.width)
      const image = sharp(data, raw)
      const sized = width === info.width ? image : image.resize(width, height)
      const bytes = await sized.webp({ quality: 72, effort: 2 }).toBuffer()
      return { bytes, width, height, mime: 'image/webp' as const }
    }),
  )
  return {
    bytes: jpeg,
    width: info.width,
    height: info.height,
    mime: 'image/jpeg',
    sha256: createHash('sha256').update(jpeg).digest('hex'),
    variants,
  }
}

const SCENES: Scene[] = [
  'road',
  'border',
  'cattle',
  'water',
  'meeting',
  'classroom',
  'night',
  'tea',
  'houses',
  'volunteer',
  'health',
  'fields',
]

let palette: Promise<Map<string, SeedPhoto>> | undefined

/** Every scene in every version, encoded once per process. Keyed by `${scene}:${version}`. */
export function seedPhotos(): Promise<Map<string, SeedPhoto>> {
  palette ??= (async () => {
    const out = new Map<string, SeedPhoto>()
    for (const scene of SCENES) {
      const encoded = await Promise.all(
        Array.from({ length: VERSIONS }, (_, v) => encodeScene(scene, v)),
      )
      encoded.forEach((photo, v) => out.set(`${scene}:${v}`, photo))
    }
    return out
  })()
  return palette
}
