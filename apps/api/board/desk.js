// Desk: stories in flight with their progress, claims by status, reviewers' load, what is overdue,
// and what was published in the last 24 hours. Re-read when an event arrives, never by reloading.
import { get } from './api.js';
import { hourlyChart } from './chart.js';
import { coalesce, duration, h, meter, render, STATUS_LABELS } from './dom.js';

const STATUSES = ['CANDIDATE', 'PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED', 'PUBLISHED', 'DISMISSED'];

export function mountDesk(main, { fail }) {
  const regions = {
    stories: h('section', { class: 'card stories', 'aria-labelledby': 'h-stories' }),
    status: h('section', { class: 'card', 'aria-labelledby': 'h-status' }),
    reviewers: h('section', { class: 'card', 'aria-labelledby': 'h-reviewers' }),
    overdue: h('section', { class: 'card', 'aria-labelledby': 'h-overdue' }),
    published: h('section', { class: 'card', 'aria-labelledby': 'h-published' }),
  };
  render(main, h('h1', { class: 'visually-hidden' }, 'Desk'), h('div', { class: 'desk' }, Object.values(regions)));
  let data = null;

  const load = coalesce(async () => {
    try {
      const [dashboard, stories, overdue] = await Promise.all([get('/dashboard'), get('/dashboard/stories'), get('/claims?overdue=true&limit=50')]);
      data = { dashboard, stories: stories.items, overdue: overdue.items };
      draw();
      performance.mark('desk-rendered');
    } catch (error) {
      fail(error);
    }
  });

  function draw() {
    const { dashboard, stories, overdue } = data;
    const titles = new Map(stories.map((s) => [s.id, s.title]));
    render(regions.stories, h('h2', { id: 'h-stories' }, `Stories in flight (${stories.length})`),
      stories.length === 0 ? h('p', { class: 'muted' }, 'Nothing in flight.') :
        h('ul', { class: 'story-list' }, stories.map((s) => {
          const checkworthy = s.claims.total - s.claims.byStatus.CANDIDATE;
          const percent = Math.round(s.progress * 100);
          return h('li', { 'data-article': s.id },
            h('a', { href: `#/story/${s.id}`, class: 'story-title' }, s.title),
            h('span', { class: `badge priority-${s.priority}` }, s.priority.toLowerCase()),
            meter(`Progress of ${s.title}`, percent, 100, `${percent}%: ${s.claims.byStatus.PUBLISHED} of ${checkworthy} check-worthy claims published`),
            h('span', { class: 'small' }, `${s.claims.byStatus.PUBLISHED}/${checkworthy} published · ${percent}%`));
        })));

    const total = dashboard.claims.total;
    render(regions.status, h('h2', { id: 'h-status' }, `Claims by status (${total})`),
      h('div', { class: 'stack', role: 'img', 'aria-label': STATUSES.map((s) => `${STATUS_LABELS[s]} ${dashboard.claims.byStatus[s]}`).join(', ') },
        STATUSES.filter((s) => dashboard.claims.byStatus[s] > 0).map((s) =>
          h('div', { class: `seg status-${s}`, style: { width: `${(dashboard.claims.byStatus[s] / total) * 100}%` } }))),
      h('ul', { class: 'legend' }, STATUSES.map((s) => h('li', {}, h('span', { class: `swatch status-${s}`, 'aria-hidden': 'true' }), `${STATUS_LABELS[s]} `, h('strong', {}, dashboard.claims.byStatus[s])))));

    render(regions.reviewers, h('h2', { id: 'h-reviewers' }, 'Reviewers: open load against capacity'),
      h('ul', { class: 'reviewers' }, dashboard.reviewers.map((r) => {
        const state = !r.active ? 'inactive' : r.away ? 'out of office' : '';
        return h('li', { class: state ? 'away' : '' },
          h('span', { class: 'name' }, r.name, state ? h('span', { class: 'small' }, ` (${state})`) : null),
          meter(`Load of ${r.name}`, r.openLoad, r.capacity, `${r.openLoad} of ${r.capacity}${state ? `, ${state}` : ''}`, r.openLoad >= r.capacity ? 'full' : ''),
          h('span', { class: 'small' }, `${r.openLoad}/${r.capacity}`));
      })));

    const now = Date.now();
    render(regions.overdue, h('h2', { id: 'h-overdue' }, `Overdue (${dashboard.overdue})`),
      overdue.length === 0 ? h('p', { class: 'muted' }, 'Nothing overdue.') :
        h('ul', { class: 'overdue' }, overdue.map((c) => h('li', {},
          h('a', { href: `#/story/${c.articleId}` }, c.text.length > 110 ? `${c.text.slice(0, 110)}…` : c.text),
          h('span', { class: 'small' }, `${titles.get(c.articleId) ?? 'story'} · ${c.assignment?.reviewer?.name ?? 'unassigned'} · `,
            h('strong', { class: 'late' }, `${duration(now - Date.parse(c.assignment?.dueAt ?? now))} late`))))));

    const median = dashboard.medianMinutesToPublished24h;
    render(regions.published, h('h2', { id: 'h-published' }, 'Published, last 24 h'),
      h('p', { class: 'big' }, h('strong', {}, dashboard.publishedLast24h), dashboard.publishedLast24h === 1 ? ' claim' : ' claims',
        median === null ? null : h('span', { class: 'small' }, ` · median ${duration(median * 60000)} from ingest`)),
      hourlyChart(dashboard.publishedByHour24h, 'Claims published per hour, last 24 hours'));
  }

  void load();
  const tick = setInterval(() => data && draw(), 60_000); // "how late" keeps counting
  return { refresh: () => load(), unmount: () => clearInterval(tick) };
}
