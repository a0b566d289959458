import { layoutBars, type BarInput } from '~/monitoring/charts'

/** Series colours: dark enough for white text on the bar (≥ 4.5:1), told apart by their labels too. */
export const SERIES_COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7e22ce'] as const

/**
 * A horizontal bar chart drawn on the server as SVG: each bar's label above it and
 * its value written on it, large text, colour never the only cue. The SVG is one
 * image with a title and a description; the data table that follows it is what
 * screen readers read in detail.
 */
export function BarChart({
  id,
  title,
  description,
  bars,
  max,
}: {
  id: string
  title: string
  description: string
  bars: BarInput[]
  max?: number
}) {
  const layout = layoutBars(bars, { max, fontSize: 18, barHeight: 28 })
  const fs = layout.fontSize
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="h-auto w-full max-w-lg"
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {layout.ticks.map((tick) => (
        <g key={tick.value}>
          <line
            x1={tick.x}
            x2={tick.x}
            y1={0}
            y2={layout.height - fs - 6}
            stroke="#d6d3d1"
            strokeDasharray={tick.value === 0 ? undefined : '3 3'}
          />
          <text
            x={tick.x}
            y={layout.height - 6}
            fontSize={fs * 0.8}
            fill="#44403c"
            textAnchor={tick.value === 0 ? 'start' : tick.x > layout.width - 20 ? 'end' : 'middle'}
          >
            {tick.value}
          </text>
        </g>
      ))}
      {layout.groups.map((g) => (
        <text
          key={g.label}
          x={layout.plotX}
          y={g.y}
          fontSize={fs * 1.1}
          fontWeight={700}
          fill="#1c1917"
        >
          {g.label}
        </text>
      ))}
      {layout.bars.map((b, i) => (
        <g key={`${b.label}-${i}`}>
          <text x={b.x} y={b.labelY} fontSize={fs} fill="#1c1917">
            {b.label}
          </text>
          <rect
            x={b.x}
            y={b.y}
            width={Math.max(b.width, b.value > 0 ? 2 : 0)}
            height={b.height}
            rx={3}
            fill={SERIES_COLOURS[b.series % SERIES_COLOURS.length]}
          />
          <text
            x={b.valueX}
            y={b.y + b.height / 2}
            dominantBaseline="central"
            fontSize={fs}
            fontWeight={700}
            fill={b.valueInside ? '#ffffff' : '#1c1917'}
            textAnchor={b.valueInside ? 'end' : 'start'}
          >
            {b.display}
          </text>
        </g>
      ))}
    </svg>
  )
}
