import { writeFileSync } from 'fs';
import { Resvg } from '@resvg/resvg-js';

export interface Series {
  name: string;
  points: [number, number][];
}

export interface LineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** vertical markers (e.g. where each workload started) */
  marks?: { x: number; label: string }[];
}

const WIDTH = 1000;
const HEIGHT = 560;
const MARGIN = { left: 80, right: 190, top: 50, bottom: 60 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** About `count` round tick values from min up to the first at or above max (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 6): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  let v = Math.floor(min / step) * step;
  for (;;) {
    ticks.push(Number(v.toPrecision(12)));
    if (v >= max - step * 1e-9) return ticks;
    v += step;
  }
}

/** The chart as SVG: axes from zero, one coloured line per series with its legend on the right. */
export function lineChartSvg(chart: LineChart): string {
  const all = chart.series.flatMap((s) => s.points);
  const xTicks = niceTicks(0, Math.max(1e-9, ...all.map(([x]) => x), ...(chart.marks ?? []).map((m) => m.x)));
  const yTicks = niceTicks(0, Math.max(1e-9, ...all.map(([, y]) => y)));
  const xMax = xTicks[xTicks.length - 1];
  const yMax = yTicks[yTicks.length - 1];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => MARGIN.left + (x / xMax) * plotW;
  const py = (y: number) => MARGIN.top + plotH - (y / yMax) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="DejaVu Sans, sans-serif" font-size="13">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  for (const t of yTicks) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${py(t) + 4}" text-anchor="end">${t}</text>`);
  }
  for (const t of xTicks) parts.push(`<text x="${px(t)}" y="${MARGIN.top + plotH + 20}" text-anchor="middle">${t}</text>`);
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 15}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`);
  parts.push(
    `<text transform="translate(20 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
  );
  for (const mark of chart.marks ?? []) {
    parts.push(
      `<line x1="${px(mark.x)}" x2="${px(mark.x)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#999" stroke-dasharray="4 4"/>`,
    );
    parts.push(
      `<text transform="translate(${px(mark.x) + 4} ${MARGIN.top + 6}) rotate(90)" font-size="11" fill="#555">${escapeXml(mark.label)}</text>`,
    );
  }
  chart.series.forEach((series, i) => {
    const color = COLORS[i % COLORS.length];
    const d = series.points.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${px(x).toFixed(1)} ${py(y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>`);
    if (series.points.length <= 30)
      for (const [x, y] of series.points) parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${color}"/>`);
    const ly = MARGIN.top + 10 + i * 20;
    parts.push(
      `<line x1="${WIDTH - MARGIN.right + 15}" x2="${WIDTH - MARGIN.right + 40}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="3"/>`,
    );
    parts.push(`<text x="${WIDTH - MARGIN.right + 46}" y="${ly + 4}">${escapeXml(series.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Renders the chart to a PNG file (fonts from the system: DejaVu Sans where installed). */
export function writeLineChartPng(path: string, chart: LineChart): void {
  const png = new Resvg(lineChartSvg(chart), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  writeFileSync(path, png);
}
