import { h } from './dom.js';

/** Bars of hourly counts (oldest first) as inline SVG: no chart library, a text summary for screen readers. */
export function hourlyChart(series, label) {
  const max = Math.max(1, ...series);
  const total = series.reduce((a, b) => a + b, 0);
  const width = series.length * 10;
  const bars = series.map((n, i) => {
    const height = (n / max) * 56;
    const hoursAgo = series.length - 1 - i;
    return h('rect', { x: i * 10 + 1, y: 58 - height, width: 8, height: Math.max(height, n ? 1 : 0), class: 'bar' },
      h('title', {}, `${n} published ${hoursAgo === 0 ? 'this hour' : `${hoursAgo} h ago`}`));
  });
  return h('figure', { class: 'chart' },
    h('svg', { viewBox: `0 0 ${width} 60`, preserveAspectRatio: 'none', role: 'img', 'aria-label': `${label}: ${total} in all, at most ${Math.max(...series, 0)} in one hour` },
      h('line', { x1: 0, y1: 58.5, x2: width, y2: 58.5, class: 'axis' }), bars),
    h('figcaption', {}, h('span', {}, '24 h ago'), h('span', {}, 'now')));
}
