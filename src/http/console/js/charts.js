// @ts-check
/** Charts through chart.js (served from node_modules as a classic script: window.Chart). */

/**
 * @typedef {{ destroy(): void, data: { labels: string[], datasets: { label: string, data: number[] }[] } }} ChartHandle
 * @typedef {new (canvas: HTMLCanvasElement, config: object) => ChartHandle} ChartConstructor
 */

/** @returns {ChartConstructor} */
function chartClass() {
  const C = /** @type {{ Chart?: ChartConstructor }} */ (/** @type {unknown} */ (window)).Chart;
  if (!C) throw new Error('Không tải được thư viện biểu đồ.');
  return C;
}

const BLUE = '#0b5cab';
const GREY = '#c5ced8';
const ORANGE = '#d9822b';

/**
 * Units against their target: one bar for the count so far, one for the target; click a bar to open the unit.
 * @param {HTMLCanvasElement} canvas
 * @param {{ code: string, name: string, total: number, target: number }[]} units
 * @param {(code: string) => void} onPick
 * @returns {ChartHandle}
 */
export function unitsChart(canvas, units, onPick) {
  const Chart = chartClass();
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: units.map((u) => u.name),
      datasets: [
        { label: 'Lũy kế', data: units.map((u) => u.total), backgroundColor: units.map((u) => (u.target > 0 && u.total * 2 < u.target ? ORANGE : BLUE)) },
        { label: 'Chỉ tiêu', data: units.map((u) => u.target), backgroundColor: GREY },
      ],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { ticks: { autoSkip: false, font: { size: 11 } } } },
      onClick: (/** @type {unknown} */ _event, /** @type {{ index: number }[]} */ elements) => {
        const first = elements[0];
        const unit = first ? units[first.index] : undefined;
        if (unit) onPick(unit.code);
      },
    },
  });
}

/**
 * The daily line: new members reported each day.
 * @param {HTMLCanvasElement} canvas
 * @param {{ day: string, count: number }[]} days
 * @returns {ChartHandle}
 */
export function dailyChart(canvas, days) {
  const Chart = chartClass();
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: days.map((d) => `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}`),
      datasets: [{ label: 'Số người tham gia mới theo ngày', data: days.map((d) => d.count), borderColor: BLUE, backgroundColor: BLUE, tension: 0.2 }],
    },
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true } } },
  });
}
