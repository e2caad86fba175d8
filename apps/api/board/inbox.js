// Inbox (a reviewer): offers to accept or decline, accepted work with its due time and a verdict
// form (rating from the desk's scale, rationale, sources) that submits through the REST API.
import { post, get } from './api.js';
import { coalesce, duration, h, render, when } from './dom.js';

export function mountInbox(main, { me, fail }) {
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const offers = h('section', { class: 'card', 'aria-labelledby': 'h-offers' });
  const work = h('section', { class: 'card', 'aria-labelledby': 'h-work' });
  render(main, h('h1', {}, `Inbox of ${me.name}`), notice, h('div', { class: 'inbox' }, offers, work));
  // A form being filled in survives re-renders (events keep arriving while a reviewer types).
  const forms = new Map();
  let ratings = null;

  const act = async (label, path, body) => {
    try {
      await post(path, body);
      notice.textContent = `${label}: done.`;
      await load();
      return true;
    } catch (error) {
      notice.textContent = `${label} refused: ${error.message}`;
      return false;
    }
  };

  function verdictForm(a) {
    if (forms.has(a.claimId)) return forms.get(a.claimId);
    const id = (name) => `${name}-${a.claimId}`;
    const rating = h('select', { id: id('rating'), name: 'rating', required: true },
      h('option', { value: '' }, 'Choose a rating'), ratings.map((r) => h('option', { value: r.id }, r.label)));
    const rationale = h('textarea', { id: id('rationale'), name: 'rationale', rows: 4, required: true, maxlength: 20000 });
    const sources = h('textarea', { id: id('sources'), name: 'sources', rows: 2, required: true, placeholder: 'https://…', 'aria-describedby': id('sources-help') });
    const form = h('form', { class: 'verdict', 'aria-label': `Verdict on: ${a.claim.text.slice(0, 80)}`, onSubmit: async (e) => {
      e.preventDefault();
      const urls = sources.value.split(/\s+/).filter(Boolean);
      const done = await act('Verdict', `/claims/${a.claimId}/verdicts`, { rating: rating.value, rationale: rationale.value, sources: urls.map((url) => ({ url })) });
      if (done) forms.delete(a.claimId);
    } },
    h('label', { for: id('rating') }, 'Rating'), rating,
    h('label', { for: id('rationale') }, 'Rationale'), rationale,
    h('label', { for: id('sources') }, 'Sources'), sources,
    h('p', { id: id('sources-help'), class: 'small' }, 'One URL per line (http or https).'),
    h('button', { type: 'submit', class: 'primary' }, 'Submit verdict'));
    forms.set(a.claimId, form);
    return form;
  }

  function claimBlock(a) {
    return [
      h('p', { class: 'claim-text' }, a.claim.text),
      h('p', { class: 'small' }, h('a', { href: `#/story/${a.claim.articleId}` }, a.claim.article.title),
        a.claim.speaker ? ` · ${a.claim.speaker}` : '', ` · ${a.claim.priority.toLowerCase()} priority`),
    ];
  }

  const load = coalesce(async () => {
    try {
      const [items, scale] = await Promise.all([get('/me/assignments'), ratings ? Promise.resolve(ratings) : get('/ratings')]);
      ratings = scale;
      const now = Date.now();
      const offered = items.filter((a) => a.status === 'OFFERED');
      const accepted = items.filter((a) => a.status === 'ACCEPTED');
      render(offers, h('h2', { id: 'h-offers' }, `Offers (${offered.length})`),
        offered.length === 0 ? h('p', { class: 'muted' }, 'No offers waiting.') :
          h('ul', { class: 'work' }, offered.map((a) => h('li', { 'data-assignment': a.id }, claimBlock(a),
            h('p', { class: 'small' }, `Offer open until ${when(a.dueAt)} (${duration(Date.parse(a.dueAt) - now)} left) · ${a.reason}`),
            h('div', { class: 'controls' },
              h('button', { type: 'button', class: 'primary', onClick: () => act('Accept', `/assignments/${a.id}/accept`) }, 'Accept'),
              h('button', { type: 'button', onClick: () => act('Decline', `/assignments/${a.id}/decline`, {}) }, 'Decline'))))));
      render(work, h('h2', { id: 'h-work' }, `Accepted work (${accepted.length})`),
        accepted.length === 0 ? h('p', { class: 'muted' }, 'Nothing accepted yet.') :
          h('ul', { class: 'work' }, accepted.map((a) => {
            const late = Date.parse(a.dueAt) < now;
            return h('li', { 'data-assignment': a.id }, claimBlock(a),
              h('p', { class: late ? 'small late' : 'small' }, `Due ${when(a.dueAt)} (${late ? `${duration(now - Date.parse(a.dueAt))} late` : `${duration(Date.parse(a.dueAt) - now)} left`})`),
              a.returnedVerdict ? h('p', { class: 'returned' }, `Sent back: ${a.returnedVerdict.decisionNote ?? ''}`) : null,
              verdictForm(a));
          })));
      performance.mark('inbox-rendered');
    } catch (error) {
      fail(error);
    }
  });

  void load();
  return { refresh: () => load() };
}
