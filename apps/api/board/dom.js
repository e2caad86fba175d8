// A tiny DOM builder: h('p', {class: 'x', onClick: fn}, 'text', child). Text always goes in as text
// nodes (never HTML), so article and claim text cannot inject markup.
const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'rect', 'g', 'title', 'line', 'text']);

export function h(tag, props, ...children) {
  const el = SVG_TAGS.has(tag) ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'style') Object.assign(el.style, value); // CSSOM: allowed under style-src 'self'
    else if (key === 'value' && 'value' in el) el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces a container's content, keeping keyboard focus on the element with the same id. */
export function render(container, ...children) {
  const focused = document.activeElement && container.contains(document.activeElement) ? document.activeElement.id : null;
  container.replaceChildren();
  append(container, children);
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
}

export function when(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "2 h 5 min" for a duration in milliseconds. */
export function duration(ms) {
  const minutes = Math.max(0, Math.round(ms / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export const STATUS_LABELS = {
  CANDIDATE: 'Candidate', PENDING: 'Pending', ASSIGNED: 'Assigned', IN_REVIEW: 'In review',
  SUBMITTED: 'Submitted', PUBLISHED: 'Published', DISMISSED: 'Dismissed',
};

/**
 * Runs `load` at most once per `ms`, and once more after a burst: a flurry of events costs a few
 * requests, not one per event (the API's rate limit is per person).
 */
export function coalesce(load, ms = 700) {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) { again = true; return; }
    running = true;
    try {
      await load();
    } finally {
      await new Promise((resolve) => setTimeout(resolve, ms));
      running = false;
      if (again) { again = false; void run(); }
    }
  };
  return run;
}

/** A labelled bar: role=progressbar with its value as text too (screen readers and the colour-blind). */
export function meter(label, value, max, text, className = '') {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return h('div', { class: `meter ${className}`, role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': max, 'aria-valuenow': value, 'aria-valuetext': text },
    h('div', { class: 'fill', style: { width: `${(share * 100).toFixed(1)}%` } }));
}
