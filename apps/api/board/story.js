// Story: the article with every claim's span highlighted by status (score and speaker on hover or
// focus), and the claims beside it with assignee, due time and verdict. Editors and admins also get
// promote, dismiss, assign, reassign, approve and send back: the same REST calls as any client.
import { get, post } from './api.js';
import { coalesce, h, render, STATUS_LABELS, when } from './dom.js';

const EDITOR_ROLES = new Set(['EDITOR', 'ADMIN']);

/** The body as text nodes and <mark>s; overlapping spans are clipped to where the previous one ended. */
export function highlight(body, claims, onFocus) {
  const nodes = [];
  let at = 0;
  for (const c of [...claims].sort((a, b) => a.spanStart - b.spanStart || a.ordinal - b.ordinal)) {
    const start = Math.max(c.spanStart, at);
    if (c.spanEnd <= start) continue;
    if (start > at) nodes.push(body.slice(at, start));
    const checkworthy = c.status !== 'CANDIDATE';
    nodes.push(h('mark', {
      id: `span-${c.id}`, class: `span status-${c.status}${checkworthy ? ' checkworthy' : ''}`, tabindex: 0,
      'data-claim': c.id, 'aria-describedby': 'claim-tip',
      onMouseenter: (e) => onFocus(c, e.currentTarget), onFocus: (e) => onFocus(c, e.currentTarget),
      onMouseleave: () => onFocus(null), onBlur: () => onFocus(null),
    }, body.slice(start, c.spanEnd)));
    at = c.spanEnd;
  }
  nodes.push(body.slice(at));
  return nodes;
}

export function mountStory(main, articleId, { me, fail }) {
  const editor = EDITOR_ROLES.has(me.role);
  const text = h('div', { class: 'article-text', id: 'article-text' });
  const list = h('section', { class: 'claims', 'aria-labelledby': 'h-claims' });
  const tip = h('div', { id: 'claim-tip', role: 'tooltip', class: 'tip', hidden: true });
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const heading = h('h1', { id: 'story-title' }, 'Story');
  render(main, h('p', {}, h('a', { href: '#/desk' }, '← Desk')), heading, notice,
    h('div', { class: 'story' }, h('article', { class: 'card', 'aria-labelledby': 'story-title' }, text, tip), list));
  let reviewers = [];

  const showTip = (claim, anchor) => {
    if (!claim) { tip.hidden = true; return; }
    render(tip, h('strong', {}, STATUS_LABELS[claim.status]), ` · score ${claim.score.toFixed(2)}`,
      claim.status !== 'CANDIDATE' ? ' · check-worthy' : '', claim.speaker ? ` · speaker: ${claim.speaker}` : ' · no attributed speaker');
    tip.hidden = false;
    tip.style.top = `${anchor.offsetTop + anchor.offsetHeight + 4}px`;
    tip.style.left = `${Math.max(0, anchor.offsetLeft)}px`;
  };

  const act = async (label, path, body) => {
    try {
      await post(path, body);
      notice.textContent = `${label}: done.`;
      await load();
    } catch (error) {
      notice.textContent = `${label} refused: ${error.message}`;
    }
  };

  function controls(c) {
    if (!editor) return null;
    const buttons = [];
    if (c.status === 'CANDIDATE') buttons.push(h('button', { type: 'button', onClick: () => act('Promote', `/claims/${c.id}/promote`) }, 'Promote'));
    if (['CANDIDATE', 'PENDING', 'ASSIGNED'].includes(c.status)) buttons.push(h('button', { type: 'button', onClick: () => act('Dismiss', `/claims/${c.id}/dismiss`, {}) }, 'Dismiss'));
    if (c.status === 'SUBMITTED' && c.verdict?.status === 'SUBMITTED') {
      buttons.push(h('button', { type: 'button', class: 'primary', onClick: () => act('Approve', `/verdicts/${c.verdict.id}/approve`) }, 'Approve verdict'));
      buttons.push(h('button', { type: 'button', onClick: () => {
        const note = prompt('Note for the reviewer');
        if (note) void act('Send back', `/verdicts/${c.verdict.id}/return`, { note });
      } }, 'Send back'));
    }
    const verb = c.status === 'PENDING' ? 'assign' : ['ASSIGNED', 'IN_REVIEW'].includes(c.status) ? 'reassign' : null;
    let picker = null;
    if (verb) {
      const selectId = `pick-${c.id}`;
      const select = h('select', { id: selectId }, reviewers.filter((r) => r.id !== c.assignment?.reviewer?.id).map((r) => h('option', { value: r.id }, `${r.name} (${r.openLoad}/${r.capacity})`)));
      picker = h('form', { class: 'inline', onSubmit: (e) => { e.preventDefault(); void act(verb === 'assign' ? 'Assign' : 'Reassign', `/claims/${c.id}/${verb}`, { reviewerId: select.value }); } },
        h('label', { for: selectId }, verb === 'assign' ? 'Assign to' : 'Reassign to'), select,
        h('button', { type: 'submit', disabled: reviewers.length === 0 }, verb === 'assign' ? 'Assign' : 'Reassign'));
    }
    return h('div', { class: 'controls editor-controls' }, buttons, picker);
  }

  function claimItem(c, i) {
    const a = c.assignment;
    return h('li', { id: `claim-${c.id}`, class: `claim status-${c.status}` },
      h('p', {}, h('a', { href: `#span-${c.id}`, onClick: (e) => { e.preventDefault(); document.getElementById(`span-${c.id}`)?.focus(); } }, `#${i + 1}`), ' ', c.text),
      h('p', { class: 'small' },
        h('span', { class: `badge status-${c.status}` }, STATUS_LABELS[c.status]),
        ` score ${c.score.toFixed(2)}`, c.speaker ? ` · ${c.speaker}` : '',
        a ? ` · ${a.reviewer?.name ?? 'someone'} (${a.status.toLowerCase()}), due ${when(a.dueAt)}` : '',
        c.verdict ? ` · verdict ${c.verdict.rating} (${c.verdict.status.toLowerCase()})` : ''),
      controls(c));
  }

  const load = coalesce(async () => {
    try {
      const [article, claims, people] = await Promise.all([
        get(`/articles/${articleId}`), get(`/articles/${articleId}/claims`),
        editor ? get('/people?role=REVIEWER&active=true&limit=100') : Promise.resolve({ items: [] }),
      ]);
      reviewers = people.items;
      heading.textContent = article.title;
      render(text, highlight(article.body, claims, showTip));
      render(list, h('h2', { id: 'h-claims' }, `Claims (${claims.length})`),
        h('ul', { class: 'legend' }, ['CANDIDATE', 'PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED', 'PUBLISHED', 'DISMISSED'].map((s) =>
          h('li', {}, h('span', { class: `swatch status-${s}`, 'aria-hidden': 'true' }), STATUS_LABELS[s]))),
        h('ol', { class: 'claim-list' }, claims.map((c, i) => claimItem(c, i))));
      performance.mark('story-rendered');
    } catch (error) {
      fail(error);
    }
  });

  void load();
  return { refresh: (event) => { if (!event.articleId || event.articleId === articleId) void load(); } };
}
