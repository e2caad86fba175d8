// The board's shell: sign-in, navigation between the three pages (hash routes, one HTML page),
// the live event stream and its connection banner.
import { ApiError, followEvents, get, token } from './api.js';
import { h, render } from './dom.js';
import { mountDesk } from './desk.js';
import { mountInbox } from './inbox.js';
import { mountStory } from './story.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const banner = document.getElementById('banner');
const live = document.getElementById('live');

let me = null;
let page = null;
let stream = null;

function route() {
  const [, name = 'desk', id] = /^#\/?([a-z]+)?\/?([^/]*)?/.exec(location.hash) ?? [];
  return { name, id: id ? decodeURIComponent(id) : null };
}

function showSignIn(message) {
  stream?.stop();
  stream = null;
  me = null;
  render(nav);
  live.textContent = '';
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'card signin', onSubmit: (event) => {
    event.preventDefault();
    token.set(input.value.trim());
    void start();
  } },
  h('h1', {}, 'Sign in to the desk board'),
  h('p', {}, 'Paste your claimdesk API token. It stays in this browser tab only (sessionStorage) and is sent as a bearer header.'),
  message ? h('p', { class: 'error', role: 'alert' }, message) : null,
  h('label', { for: 'token' }, 'API token'),
  input,
  h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  render(main, form);
  input.focus();
}

function renderNav() {
  const current = route().name;
  const link = (name, label) => h('a', { href: `#/${name}`, 'aria-current': current === name ? 'page' : null }, label);
  render(nav,
    link('desk', 'Desk'),
    me.role === 'REVIEWER' ? link('inbox', 'Inbox') : null,
    h('span', { class: 'who' }, `${me.name} · ${me.role.toLowerCase()}`),
    h('button', { type: 'button', class: 'link', onClick: () => { token.clear(); showSignIn(); } }, 'Sign out'));
}

function showPage() {
  page?.unmount?.();
  renderNav();
  const { name, id } = route();
  const context = { me, fail: showError };
  if (name === 'story' && id) page = mountStory(main, id, context);
  else if (name === 'inbox') page = mountInbox(main, context);
  else page = mountDesk(main, context);
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401) return showSignIn('That token was not accepted (unknown, expired or revoked).');
  render(main, h('div', { class: 'card error', role: 'alert' }, h('h1', {}, 'Something went wrong'), h('p', {}, String(error.message ?? error))));
}

function setConnection(state) {
  if (state === 'live') {
    const wasLost = !banner.hidden;
    banner.hidden = true;
    live.textContent = 'Live';
    live.className = 'live on';
    // Whatever happened while the stream was down: the pages re-read their data.
    if (wasLost) page?.refresh?.({ type: 'reconnected' });
  } else if (state === 'lost') {
    banner.hidden = false;
    banner.textContent = 'Connection to the desk lost. Reconnecting; updates missed meanwhile will be caught up.';
    live.textContent = 'Offline';
    live.className = 'live off';
  } else if (state === 'unauthorized') {
    showSignIn('Your token is no longer accepted.');
  }
}

async function start() {
  if (!token.get()) return showSignIn();
  try {
    me = await get('/me');
  } catch (error) {
    return error instanceof ApiError && error.status === 401 ? showSignIn('That token was not accepted (unknown, expired or revoked).') : showError(error);
  }
  showPage();
  stream?.stop();
  stream = followEvents({
    onEvent: (type, event) => page?.refresh?.({ ...event, type }),
    onState: setConnection,
  });
}

window.addEventListener('hashchange', () => { if (me) showPage(); });
void start();
