/**
 * Geometry of the dashboard's horizontal bar charts, without I/O or React: scales,
 * ticks and where each bar, label and value goes. Units are SVG user units in a
 * narrow viewBox (phone-first: about one unit per CSS pixel at 360 px), so text
 * stays large when the chart is scaled to fit.
 */

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above `value`; 1 for 0. */
export function niceCeil(value: number) {
  if (!(value > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power + 1e-9 * power) return step * power
  }
  return 10 * power
}

/**
 * Whole-number ticks from 0, evenly spaced by a nice step, up to the first tick at or
 * above `max` (counts never need fractional ticks).
 */
export function ticks(max: number, count = 4) {
  const top = niceCeil(Math.max(max, 1))
  const step = Math.max(1, Math.ceil(niceCeil(top / count)))
  const values = [0]
  while (values[values.length - 1]! < Math.max(max, 1))
    values.push(values[values.length - 1]! + step)
  return values
}

/** Maps 0..domainMax onto 0..width (a zero domain maps everything to 0). */
export function linearScale(domainMax: number, width: number) {
  return (value: number) => (domainMax > 0 ? (Math.max(0, value) / domainMax) * width : 0)
}

/** Rough width of text in the chart's font (average glyph ≈ 0.56 em), to place values. */
export function textWidth(text: string, fontSize: number) {
  return text.length * fontSize * 0.56
}

export interface BarInput {
  label: string
  value: number
  /** Rows with the same group are drawn under one group heading (e.g. a year). */
  group?: string
  /** Colour slot (0-based), e.g. the series of a grouped chart. */
  series?: number
  /** The value as shown (formatted for the locale); defaults to String(value). */
  display?: string
}

export interface BarGeometry {
  label: string
  display: string
  value: number
  series: number
  /** Baseline of the label line above the bar. */
  labelY: number
  x: number
  y: number
  width: number
  height: number
  /** Where the value text goes and whether it sits inside the bar (light text) or after it. */
  valueX: number
  valueInside: boolean
}

export interface ChartLayout {
  width: number
  height: number
  plotX: number
  plotWidth: number
  max: number
  ticks: { value: number; x: number }[]
  groups: { label: string; y: number }[]
  bars: BarGeometry[]
  fontSize: number
}

export interface LayoutOptions {
  width?: number
  fontSize?: number
  barHeight?: number
  gap?: number
  /** A fixed top of the scale (e.g. 100 for percentages) instead of one from the data. */
  max?: number
}

/**
 * Lays out horizontal bars, each with its label on a line above it (labels may be
 * long Vietnamese names) and its value written on the bar, or just after it when the
 * bar is too short to hold it.
 */
export function layoutBars(rows: readonly BarInput[], options: LayoutOptions = {}): ChartLayout {
  const width = options.width ?? 400
  const fontSize = options.fontSize ?? 16
  const barHeight = options.barHeight ?? 24
  const gap = options.gap ?? 10
  const pad = 4
  const plotX = pad
  const plotWidth = width - 2 * pad
  const tickValues = ticks(options.max ?? Math.max(0, ...rows.map((r) => r.value)))
  const max = tickValues[tickValues.length - 1]!
  const scale = linearScale(max, plotWidth)
  const bars: BarGeometry[] = []
  const groups: ChartLayout['groups'] = []
  let y = pad
  let group: string | undefined
  for (const row of rows) {
    if (row.group !== undefined && row.group !== group) {
      group = row.group
      y += groups.length ? gap : 0
      groups.push({ label: row.group, y: y + fontSize })
      y += fontSize + gap / 2
    }
    const labelY = y + fontSize
    const barY = labelY + 6
    const barWidth = scale(row.value)
    const display = row.display ?? String(row.value)
    const needed = textWidth(display, fontSize) + 12
    const valueInside = barWidth >= needed
    bars.push({
      label: row.label,
      display,
      value: row.value,
      series: row.series ?? 0,
      labelY,
      x: plotX,
      y: barY,
      width: barWidth,
      height: barHeight,
      valueX: valueInside ? plotX + barWidth - 6 : plotX + barWidth + 6,
      valueInside,
    })
    y = barY + barHeight + gap
  }
  const axisY = y
  return {
    width,
    height: axisY + fontSize + pad * 2,
    plotX,
    plotWidth,
    max,
    ticks: tickValues.map((value) => ({ value, x: plotX + scale(value) })),
    groups,
    bars,
    fontSize,
  }
}

/**
 * Heat-map shade of a count in the coverage matrix: 0 (none) to 3 (most), relative
 * to the largest count, so the text colour can follow (dark text on light shades).
 */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 {
  if (count <= 0 || max <= 0) return 0
  const ratio = count / max
  return ratio > 2 / 3 ? 3 : ratio > 1 / 3 ? 2 : 1
}
