import { describe, expect, it } from 'vitest'
import { heatLevel, layoutBars, linearScale, niceCeil, textWidth, ticks } from '~/monitoring/charts'

describe('scales and ticks', () => {
  it('rounds up to 1, 2, 2.5, 5 × 10^k', () => {
    expect(niceCeil(0)).toBe(1)
    expect(niceCeil(1)).toBe(1)
    expect(niceCeil(7)).toBe(10)
    expect(niceCeil(18)).toBe(20)
    expect(niceCeil(23)).toBe(25)
    expect(niceCeil(42)).toBe(50)
    expect(niceCeil(100)).toBe(100)
    expect(niceCeil(101)).toBe(200)
  })

  it('gives whole-number ticks from 0 reaching the maximum', () => {
    expect(ticks(0)).toEqual([0, 1])
    expect(ticks(7)).toEqual([0, 3, 6, 9])
    expect(ticks(42)).toEqual([0, 20, 40, 60])
    expect(ticks(100)).toEqual([0, 25, 50, 75, 100])
    expect(ticks(3)).toEqual([0, 2, 4])
    for (const max of [1, 2, 5, 9, 13, 58, 999, 12345]) {
      const t = ticks(max)
      expect(t[0]).toBe(0)
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max)
      expect(t.every((v) => Number.isInteger(v))).toBe(true)
      expect(t.length).toBeLessThanOrEqual(7)
    }
  })

  it('maps values linearly, clamps negatives, and survives an empty domain', () => {
    const s = linearScale(50, 400)
    expect(s(0)).toBe(0)
    expect(s(25)).toBe(200)
    expect(s(50)).toBe(400)
    expect(s(-3)).toBe(0)
    expect(linearScale(0, 400)(10)).toBe(0)
  })
})

describe('bar layout', () => {
  const rows = [
    { label: 'Kinh tế', value: 12 },
    { label: 'Văn hóa - xã hội', value: 3 },
    { label: 'Quốc phòng - an ninh', value: 0 },
  ]

  it('sizes bars to the scale and stacks each label above its bar', () => {
    const l = layoutBars(rows, { width: 400, fontSize: 16, barHeight: 24, gap: 10 })
    expect(l.max).toBe(15) // ticks 0, 5, 10, 15
    expect(l.ticks.map((t) => t.value)).toEqual([0, 5, 10, 15])
    const [a, b, c] = l.bars
    expect(a!.width).toBeCloseTo((12 / 15) * l.plotWidth)
    expect(b!.width).toBeCloseTo((3 / 15) * l.plotWidth)
    expect(c!.width).toBe(0)
    for (const bar of l.bars) {
      expect(bar.labelY).toBeLessThan(bar.y) // label line above the bar
      expect(bar.y + bar.height).toBeLessThanOrEqual(l.height)
    }
    expect(b!.labelY).toBeGreaterThan(a!.y + a!.height) // rows do not overlap
    expect(l.ticks[l.ticks.length - 1]!.x).toBeCloseTo(l.plotX + l.plotWidth)
  })

  it('writes the value inside a bar long enough to hold it, else just after it', () => {
    const l = layoutBars(
      [12, 2, 0].map((value, i) => ({ label: rows[i]!.label, value, display: `${value} hồ sơ` })),
      { width: 400, fontSize: 16 },
    )
    const [long, short, zero] = l.bars
    expect(long!.valueInside).toBe(true)
    expect(long!.valueX).toBeLessThan(long!.x + long!.width)
    expect(short!.valueInside).toBe(false)
    expect(short!.valueX).toBeGreaterThan(short!.x + short!.width)
    expect(zero!.valueInside).toBe(false)
    expect(long!.display).toBe('12 hồ sơ')
    expect(layoutBars(rows).bars[0]!.display).toBe('12')
  })

  it('uses a fixed top for percentages and the display text given', () => {
    const l = layoutBars([{ label: 'Giám khảo 1', value: 50, display: '5/10 phiếu (50%)' }], {
      max: 100,
      width: 400,
    })
    expect(l.max).toBe(100)
    expect(l.bars[0]!.width).toBeCloseTo(l.plotWidth / 2)
    expect(l.bars[0]!.display).toBe('5/10 phiếu (50%)')
    expect(l.bars[0]!.valueInside).toBe(l.plotWidth / 2 >= textWidth('5/10 phiếu (50%)', 16) + 12)
  })

  it('puts grouped bars under one heading per group, with their series', () => {
    const l = layoutBars([
      { group: '2024', label: 'Hồ sơ', value: 10, series: 0 },
      { group: '2024', label: 'Nhân rộng', value: 4, series: 2 },
      { group: '2025', label: 'Hồ sơ', value: 14, series: 0 },
    ])
    expect(l.groups.map((g) => g.label)).toEqual(['2024', '2025'])
    expect(l.groups[1]!.y).toBeGreaterThan(l.bars[1]!.y + l.bars[1]!.height)
    expect(l.groups[1]!.y).toBeLessThan(l.bars[2]!.labelY)
    expect(l.bars.map((b) => b.series)).toEqual([0, 2, 0])
  })

  it('lays out nothing for no rows', () => {
    const l = layoutBars([])
    expect(l.bars).toEqual([])
    expect(l.height).toBeGreaterThan(0)
  })
})

describe('coverage heat-map shades', () => {
  it('grades counts relative to the largest, 0 only for none', () => {
    expect(heatLevel(0, 5)).toBe(0)
    expect(heatLevel(1, 6)).toBe(1)
    expect(heatLevel(3, 6)).toBe(2)
    expect(heatLevel(6, 6)).toBe(3)
    expect(heatLevel(2, 0)).toBe(0)
  })
})
