/*! Moderato embed: a post's comments and the "Leave a Reply" form, in a shadow root. No dependencies. */
(() => {
'use strict';
const me = document.currentScript || document.querySelector('script[src$="/embed.js"]');
if (!me) return;
const API = new URL(me.src, location.href).origin;
const LIMIT = 20;
const PENDING = 'moderato:pending';
const AUTHOR = 'moderato:author';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STRINGS = {
  comments: 'Comments', countZero: 'No comments yet', countOne: '1 comment', countOther: '{n} comments',
  order: 'Order', oldest: 'Oldest first', newest: 'Newest first', loadMore: 'Load more comments',
  loading: 'Loading comments\u2026', loadFailed: 'The comments could not be loaded.', retry: 'Try again',
  newComments: 'New comments were published.', reply: 'Reply', replyTo: 'Reply to {name}',
  replyingTo: 'Replying to {name}', cancelReply: 'Cancel reply', awaiting: 'Awaiting moderation',
  you: '(you)', permalink: 'Link to this comment', formTitle: 'Leave a Reply',
  note: 'Your email address will not be published. Required fields are marked *',
  text: 'Comment', name: 'Name', email: 'Email', url: 'Website', notify: 'Notify me of replies by email',
  save: 'Save my name, email and website in this browser for the next time I comment.',
  honeypot: 'Leave this field empty', submit: 'Post Comment', sending: 'Sending\u2026',
  thanks: 'Thank you! Your comment is awaiting moderation.', published: 'Your comment was published.',
  refused: 'Your comment was not published.', required: 'Please fill in this field.',
  tooLong: 'Please use at most {max} characters.', badEmail: 'Please enter a valid email address.',
  badUrl: 'Please enter a full web address starting with http:// or https://.',
  control: 'Please remove control characters.', fix: 'Please correct the marked fields.',
  retryIn: 'Too many comments right now, or the service is busy. Please try again in {s} seconds. Your text is kept.',
  retryInMinutes: 'Too many comments right now, or the service is busy. Please try again in {m} minutes. Your text is kept.',
  network: 'The comment could not be sent. Please check your connection and try again. Your text is kept.',
  failed: 'The comment could not be sent. Please try again. Your text is kept.',
  closed: 'Comments are closed.', unavailable: 'Comments are not available for this page.',
  parentGone: 'The comment you are replying to cannot be answered any more. Your text is kept.'
};

const CSS = `
.m{--t:var(--moderato-text,#1f2328);--bg:var(--moderato-bg,#fff);--mu:var(--moderato-muted,#57606a);
--ac:var(--moderato-accent,#0b57d0);--act:var(--moderato-accent-text,#fff);--bd:var(--moderato-border,#6e7781);
--ln:var(--moderato-line,#d8dee4);--er:var(--moderato-error,#b3261e);--okb:var(--moderato-notice-bg,#e6f4ea);
--okt:var(--moderato-notice-text,#0d652d);--pb:var(--moderato-pending-bg,#fff4ce);--pt:var(--moderato-pending-text,#5c4400);
--r:var(--moderato-radius,6px);--in:var(--moderato-indent,2rem);
color:var(--t);background:var(--bg);font-family:var(--moderato-font,inherit);font-size:var(--moderato-font-size,1rem);
line-height:1.5;padding:var(--moderato-padding,0);text-align:start;overflow-wrap:anywhere}
.m.dark{--t:var(--moderato-dark-text,#e6edf3);--bg:var(--moderato-dark-bg,#0d1117);--mu:var(--moderato-dark-muted,#9da7b3);
--ac:var(--moderato-dark-accent,#7cacf8);--act:var(--moderato-dark-accent-text,#0d1117);--bd:var(--moderato-dark-border,#8b949e);
--ln:var(--moderato-dark-line,#30363d);--er:var(--moderato-dark-error,#ffa198);--okb:var(--moderato-dark-notice-bg,#0f2e1b);
--okt:var(--moderato-dark-notice-text,#7ee2a8);--pb:var(--moderato-dark-pending-bg,#3a2e05);--pt:var(--moderato-dark-pending-text,#f2cc60);
color-scheme:dark;padding:var(--moderato-dark-padding,.75em)}
*,::before,::after{box-sizing:border-box}
[hidden]{display:none!important}
h2{font-size:1.375em;line-height:1.25;margin:1.5em 0 .75em}
a{color:var(--ac)}
ol{list-style:none;margin:0;padding:0}
.bar{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:baseline;justify-content:space-between}
.bar h2{margin-bottom:.5em}
.order{display:flex;gap:.25em}
button{font:inherit;cursor:pointer;border-radius:var(--r);min-height:2.75rem;padding:.5em 1em;border:1px solid var(--bd);
background:var(--bg);color:var(--t)}
button[aria-pressed=true]{background:var(--ac);border-color:var(--ac);color:var(--act)}
button.primary{background:var(--ac);border-color:var(--ac);color:var(--act);font-weight:600}
button.link{border:0;background:none;color:var(--ac);padding:.25em .5em;min-height:2rem;text-decoration:underline}
button[aria-disabled=true]{opacity:.7;cursor:progress}
:focus-visible{outline:3px solid var(--ac);outline-offset:2px}
.c{margin:0;padding:0}
.c>article{padding:1em 0;border-top:1px solid var(--ln);border-radius:var(--r)}
.c.target>article{background:var(--pb);color:var(--pt);padding-inline:.5em}
.c.target>article a{color:inherit}
header{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .75em}
.av{width:40px;height:40px;border-radius:50%;background:var(--ln);flex:none}
.who{font-weight:600}
.when{color:var(--mu);font-size:.875em}
.body p{margin:.5em 0}
.body{margin-inline-start:calc(40px + .75em)}
article>.link{margin-inline-start:calc(40px + .25em)}
.replies{margin-inline-start:var(--in)}
.replies .replies .replies .replies .replies{margin-inline-start:0}
.pending>article{background:var(--pb);color:var(--pt);padding-inline:.5em}
.badge{font-size:.875em;font-weight:600}
.more{margin:1em 0;text-align:center}
.status{color:var(--mu)}
form{margin-top:1em}
.f{margin:0 0 1em}
label{display:block;font-weight:600;margin-bottom:.25em}
input,textarea{font:inherit;color:var(--t);background:var(--bg);border:1px solid var(--bd);border-radius:var(--r);
padding:.5em .625em;width:100%;max-width:100%;min-height:2.75rem}
textarea{min-height:8em;resize:vertical}
[aria-invalid=true]{border-color:var(--er);border-width:2px}
.err{color:var(--er);margin:.25em 0 0;font-weight:600}
.ck label{display:flex;gap:.5em;align-items:flex-start;font-weight:400}
.ck input{width:1.25rem;height:1.25rem;min-height:0;margin:.15em 0 0;flex:none;accent-color:var(--ac)}
.note{color:var(--mu);font-size:.875em}
.notice{padding:.75em 1em;border-radius:var(--r);background:var(--okb);color:var(--okt);font-weight:600;margin:1em 0}
.notice.bad{background:var(--bg);color:var(--er);border:2px solid var(--er)}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (max-width:30em){.m{--in:var(--moderato-indent-narrow,.75rem)}.body,article>.link{margin-inline-start:0}}
`;

let sheet = null, seq = 0, policy = null;
if (window.trustedTypes) {
  try { policy = trustedTypes.createPolicy('moderato', { createHTML: s => s }); } catch (e) { policy = null; }
}

function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of kids) if (c != null) e.append(c);
  return e;
}

const store = {
  get(k, area) { try { return JSON.parse((area || localStorage).getItem(k)); } catch (e) { return null; } },
  set(k, v, area) { try { (area || localStorage).setItem(k, JSON.stringify(v)); } catch (e) { /* private mode, full */ } },
  del(k, area) { try { (area || localStorage).removeItem(k); } catch (e) { /* ignore */ } }
};

function codePoints(s) { return [...s].length; }

/** The comment's sanitised HTML (paragraphs, breaks, links) checked once more against that list; plain text if refused. */
function richText(html, text) {
  const t = document.createElement('template');
  try { t.innerHTML = policy ? policy.createHTML(html) : html; } catch (e) { return plainText(text); }
  (function clean(node) {
    for (const el of [...node.children]) {
      const tag = el.localName;
      if (!['p', 'br', 'a'].includes(tag)) { el.replaceWith(document.createTextNode(el.textContent)); continue; }
      for (const a of [...el.attributes]) if (!(tag === 'a' && a.name === 'href')) el.removeAttribute(a.name);
      if (tag === 'a') {
        if (!/^https?:\/\//i.test(el.getAttribute('href') || '')) el.removeAttribute('href');
        el.setAttribute('rel', 'nofollow ugc noopener');
      }
      clean(el);
    }
  })(t.content);
  return t.content;
}

function plainText(text) {
  const f = document.createDocumentFragment();
  for (const para of String(text).split(/\n{2,}/)) {
    const p = h('p');
    para.split('\n').forEach((line, i) => { if (i) p.append(h('br')); p.append(line); });
    f.append(p);
  }
  return f;
}

function retryAfter(r) {
  const v = r.headers.get('Retry-After') || '';
  const s = /^\d+$/.test(v) ? +v : Math.ceil((Date.parse(v) - Date.now()) / 1000);
  return s > 0 ? s : 5;
}

function own() {
  const since = Date.now() - 30 * 864e5;
  return (store.get(PENDING) || []).filter(p => p && UUID.test(p.id) && p.at > since);
}

function mount(host) {
  if (host.moderato) return;
  host.moderato = true;
  const d = host.dataset;
  let extra = null;
  try { extra = d.moderatoStrings ? JSON.parse(d.moderatoStrings) : null; } catch (e) { extra = null; }
  const S = Object.assign({}, STRINGS, window.moderatoStrings, extra);
  const t = (k, v) => String(S[k]).replace(/\{(\w+)\}/g, (_, n) => (v && n in v ? v[n] : ''));
  const uid = 'm' + (++seq) + '-';
  const root = host.attachShadow({ mode: 'open' });
  if (root.adoptedStyleSheets && window.CSSStyleSheet && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h('style', { text: CSS }));
  }
  const m = h('div', { class: 'm', part: 'root' });
  root.append(m);
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const theme = () => m.classList.toggle('dark', d.moderatoTheme === 'dark' || (d.moderatoTheme !== 'light' && dark.matches));
  theme();
  if (dark.addEventListener) dark.addEventListener('change', theme);

  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const refresh = Math.max(5, +d.moderatoRefresh || 30) * 1000;
  let post = null, order = d.moderatoOrder === 'newest' ? 'newest' : 'oldest';
  let list = [], next = null, pages = 0, etag = null, count = 0, open = true;
  const nodes = new Map();

  // the thread
  const heading = h('h2', { id: uid + 'h', text: S.comments });
  const orderButtons = ['oldest', 'newest'].map(o => h('button', { type: 'button', 'aria-pressed': String(o === order),
    'data-o': o, text: S[o], onclick: () => setOrder(o) }));
  const setOrder = o => {
    if (order === o) return;
    order = o;
    orderButtons.forEach(b => b.setAttribute('aria-pressed', String(b.dataset.o === o)));
    reload(true).catch(() => { announcer.textContent = S.loadFailed; });
  };
  const status = h('p', { class: 'status', text: S.loading });
  const retry = h('button', { type: 'button', hidden: true, text: S.retry, onclick: () => start() });
  const thread = h('ol', { class: 'thread' });
  const moreButton = h('button', { type: 'button', text: S.loadMore, onclick: () => more() });
  const moreWrap = h('p', { class: 'more', hidden: true }, moreButton);
  const mine = h('ol', { class: 'own' });
  const announcer = h('p', { class: 'sr', role: 'status' });
  const section = h('section', { 'aria-labelledby': uid + 'h' },
    h('div', { class: 'bar' }, heading, h('div', { class: 'order', role: 'group', 'aria-label': S.order, hidden: true }, ...orderButtons)),
    status, retry, thread, moreWrap, mine, announcer);
  m.append(section);

  // the form
  const shownAt = Date.now();
  const input = (name, tag, attrs) => h(tag || 'input', Object.assign({ id: uid + name, name }, attrs));
  const fields = {
    text: input('text', 'textarea', { rows: 6, required: true, 'aria-required': 'true' }),
    name: input('name', 'input', { type: 'text', required: true, 'aria-required': 'true', autocomplete: 'name' }),
    email: input('email', 'input', { type: 'email', required: true, 'aria-required': 'true', autocomplete: 'email', maxlength: 254, spellcheck: 'false' }),
    url: input('url', 'input', { type: 'url', autocomplete: 'url', maxlength: 2000, spellcheck: 'false' })
  };
  const errors = {};
  const row = (name, req) => {
    errors[name] = h('p', { class: 'err', id: uid + name + '-e', hidden: true });
    return h('p', { class: 'f' }, h('label', { for: uid + name }, S[name], req ? h('span', { 'aria-hidden': 'true', text: ' *' }) : null),
      fields[name], errors[name]);
  };
  const check = (name, label) => {
    const box = input(name, 'input', { type: 'checkbox' });
    return [box, h('p', { class: 'f ck' }, h('label', { for: uid + name }, box, h('span', { text: label })))];
  };
  const [notify, notifyRow] = check('notify', S.notify);
  const [save, saveRow] = check('save', S.save);
  const honeypot = h('input', { type: 'text', name: 'hp', tabindex: '-1', autocomplete: 'off', id: uid + 'hp' });
  const replying = h('span');
  const cancel = h('button', { type: 'button', class: 'link', text: S.cancelReply, onclick: () => cancelReply(true) });
  const replyRow = h('p', { class: 'replying', hidden: true }, replying, ' ', cancel);
  const notice = h('p', { class: 'notice', role: 'status', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', text: S.submit });
  const form = h('form', { novalidate: true, 'aria-labelledby': uid + 'f' },
    h('h2', { id: uid + 'f', text: S.formTitle }), replyRow,
    h('p', { class: 'note', text: S.note }), row('text', true), row('name', true), row('email', true), row('url', false),
    notifyRow, saveRow,
    h('div', { class: 'hp', 'aria-hidden': 'true' }, h('label', { for: uid + 'hp', text: S.honeypot }), honeypot),
    notice, h('p', null, submit));
  const home = h('div', { class: 'home', hidden: true }, form);
  const closed = h('p', { class: 'status', text: S.closed, hidden: true });
  m.append(home, closed);
  let parentId = null, replyButton = null, busy = false;

  const saved = store.get(AUTHOR);
  if (saved) {
    fields.name.value = saved.name || ''; fields.email.value = saved.email || ''; fields.url.value = saved.url || '';
    save.checked = true;
  }
  save.addEventListener('change', () => { if (!save.checked) store.del(AUTHOR); });
  form.addEventListener('submit', send);

  function say(text, bad, focus) {
    notice.textContent = text;
    notice.className = bad ? 'notice bad' : 'notice';
    notice.hidden = !text;
    if (focus) notice.focus();
  }

  function fieldError(name, text) {
    const f = fields[name], e = errors[name];
    e.textContent = text || '';
    e.hidden = !text;
    if (text) { f.setAttribute('aria-invalid', 'true'); f.setAttribute('aria-describedby', e.id); }
    else { f.removeAttribute('aria-invalid'); f.removeAttribute('aria-describedby'); }
  }

  function validate() {
    const v = {};
    for (const k in fields) v[k] = fields[k].value;
    const bad = {};
    const text = v.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
    if (!text) bad.text = S.required;
    else if (codePoints(text) > 10000) bad.text = t('tooLong', { max: 10000 });
    const name = v.name.trim();
    if (!name) bad.name = S.required;
    else if (codePoints(name) > 100) bad.name = t('tooLong', { max: 100 });
    else if (/[\u0000-\u001f\u007f]/.test(name)) bad.name = S.control;
    const email = v.email.trim();
    if (!email) bad.email = S.required;
    else if (email.length > 254) bad.email = t('tooLong', { max: 254 });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) bad.email = S.badEmail;
    const url = v.url.trim();
    if (url) {
      let u = null;
      try { u = new URL(url); } catch (e) { u = null; }
      if (url.length > 2000) bad.url = t('tooLong', { max: 2000 });
      else if (!u || !/^https?:$/.test(u.protocol) || u.username || u.password || !/^[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+$/.test(url)) bad.url = S.badUrl;
    }
    return { bad, body: { authorName: name, authorEmail: email, authorUrl: url || null, text: v.text } };
  }

  function showErrors(bad) {
    let first = null;
    for (const k of ['text', 'name', 'email', 'url']) {
      fieldError(k, bad[k]);
      if (bad[k] && !first) first = fields[k];
    }
    return first;
  }

  async function send(ev) {
    ev.preventDefault();
    if (busy || !post) return;
    const { bad, body } = validate();
    const first = showErrors(bad);
    if (first) { say(S.fix, true); first.focus(); return; }
    Object.assign(body, { parentId, notifyReplies: notify.checked, honeypot: honeypot.value, timeToSubmitMs: Date.now() - shownAt });
    if (!post.exists) Object.assign(body, { postUrl: post.url, postTitle: post.title });
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    submit.textContent = S.sending;
    say('');
    let r = null;
    try {
      r = await fetch(API + '/api/v1/posts/' + encodeURIComponent(post.id) + '/comments', { method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body), credentials: 'omit' });
    } catch (e) { r = null; }
    busy = false;
    submit.removeAttribute('aria-disabled');
    submit.textContent = S.submit;
    if (!r) { say(S.network, true, true); return; }
    let j = {};
    try { j = await r.json(); } catch (e) { j = {}; }
    if (r.status === 202 && j.id) { sent(j.id, body); return; }
    const problem = String(j.type || '') + ' ' + String(j.title || '');
    if (r.status === 400 && Array.isArray(j.errors)) {
      const map = { authorName: 'name', authorEmail: 'email', authorUrl: 'url', text: 'text' };
      const server = {};
      for (const e of j.errors) {
        const k = map[e.field];
        if (k && !server[k]) server[k] = String(e.message || '').replace(/^./, c => c.toUpperCase()) + '.';
      }
      const f = showErrors(server);
      if (f) { say(S.fix, true); f.focus(); }
      else say(j.errors.some(e => e.field === 'parentId') ? S.parentGone : S.failed, true, true);
    }
    else if (r.status === 422) say(S.parentGone, true, true);
    else if (r.status === 429 || r.status === 503) {
      const s = retryAfter(r);
      say(s < 120 ? t('retryIn', { s }) : t('retryInMinutes', { m: Math.ceil(s / 60) }), true, true);
    }
    else if (r.status === 403 && /closed/i.test(problem)) say(S.closed, true, true);
    else if (r.status === 404) say(S.unavailable, true, true);
    else say(S.failed, true, true);
  }

  function sent(id, body) {
    const all = own();
    all.push({ id, post: post.id, parent: parentId, name: body.authorName, url: body.authorUrl, text: body.text, at: Date.now() });
    store.set(PENDING, all);
    if (save.checked) store.set(AUTHOR, { name: body.authorName, email: body.authorEmail, url: body.authorUrl || '' });
    else store.del(AUTHOR);
    fields.text.value = '';
    store.del(draftKey(), sessionStorage);
    post.exists = true;
    cancelReply(false);
    drawOwn();
    say(S.thanks, false, true);
    delay = 1500;
    schedule();
  }

  const draftKey = () => 'moderato:draft:' + (post ? post.id : '');
  fields.text.addEventListener('input', () => { if (post) store.set(draftKey(), fields.text.value, sessionStorage); });

  function reply(c, button) {
    const n = nodes.get(c.id);
    if (!n || !open) return;
    parentId = c.id;
    replyButton = button;
    replying.textContent = t('replyingTo', { name: c.authorName });
    replyRow.hidden = false;
    n.article.after(form);
    fields.text.focus();
  }

  function cancelReply(focusBack) {
    parentId = null;
    replyRow.hidden = true;
    if (form.parentNode !== home) home.append(form);
    if (focusBack && replyButton && replyButton.isConnected) replyButton.focus();
    replyButton = null;
  }

  // drawing comments: each comment's element is kept by id, so a refresh moves nothing that did not change
  function article(c, pending) {
    const a = c.avatar && /^https?:\/\//.test(c.avatar)
      ? h('img', { class: 'av', src: c.avatar, alt: '', width: 40, height: 40, loading: 'lazy', decoding: 'async' })
      : h('span', { class: 'av' });
    const who = c.authorUrl && /^https?:\/\//i.test(c.authorUrl)
      ? h('a', { href: c.authorUrl, rel: 'nofollow ugc noopener', text: c.authorName })
      : h('span', { text: c.authorName });
    const at = new Date(c.createdAt);
    const when = h('time', { datetime: at.toISOString(), text: date.format(at) });
    const head = h('header', null, a, h('span', { class: 'who' }, who, pending ? ' ' + S.you : null),
      pending ? h('span', { class: 'when' }, when) : h('a', { class: 'when', href: '#comment-' + c.id, title: S.permalink }, when),
      pending ? h('span', { class: 'badge', text: S.awaiting }) : null);
    const el = h('article', { tabindex: '-1', 'aria-label': c.authorName + ', ' + date.format(at) }, head,
      h('div', { class: 'body' }, pending || !c.html ? plainText(c.text) : richText(c.html, c.text)));
    if (!pending && open) {
      const b = h('button', { type: 'button', class: 'link', text: S.reply, 'aria-label': t('replyTo', { name: c.authorName }) });
      b.addEventListener('click', () => reply(c, b));
      el.append(b);
    }
    return el;
  }

  function sync(ol, comments) {
    const keep = new Set();
    let i = 0;
    for (const c of comments) {
      const sig = [c.authorName, c.authorUrl, c.html, c.avatar, open].join('\u0000');
      let n = nodes.get(c.id);
      if (!n) {
        n = { li: h('li', { class: 'c', id: 'comment-' + c.id }), replies: h('ol', { class: 'replies' }) };
        n.li.append(n.article = article(c), n.replies);
        n.sig = sig;
        nodes.set(c.id, n);
      } else if (n.sig !== sig) {
        const fresh = article(c);
        n.article.replaceWith(fresh);
        n.article = fresh;
        n.sig = sig;
      }
      keep.add(n.li);
      const at = ol.children[i];
      if (at !== n.li) ol.insertBefore(n.li, at || null);
      i++;
      sync(n.replies, c.replies || []);
    }
    for (const li of [...ol.children]) if (!keep.has(li) && !li.classList.contains('pending')) li.remove();
  }

  function drawOwn() {
    for (const el of root.querySelectorAll('.pending')) el.remove();
    if (!post) return;
    for (const p of own()) {
      if (p.post !== post.id || nodes.has(p.id)) continue;
      const li = h('li', { class: 'c pending', id: 'comment-' + p.id },
        article({ id: p.id, authorName: p.name, authorUrl: p.url, text: p.text, createdAt: p.at }, true));
      const parent = p.parent && nodes.get(p.parent);
      (parent ? parent.replies : mine).append(li);
    }
  }

  function draw() {
    sync(thread, list);
    for (const [id, n] of nodes) if (!n.li.isConnected) nodes.delete(id);
    if (!form.isConnected) cancelReply(false);
    drawOwn();
    heading.textContent = count === 0 ? S.countZero : count === 1 ? S.countOne : t('countOther', { n: count });
    moreWrap.hidden = !next;
    section.querySelector('.order').hidden = count < 2;
    home.hidden = !open;
    closed.hidden = open;
    if (!open) cancelReply(false);
  }

  async function page(cursor) {
    const q = new URLSearchParams({ order, limit: LIMIT });
    if (cursor) q.set('cursor', cursor);
    const r = await fetch(API + '/api/v1/posts/' + encodeURIComponent(post.id) + '/comments?' + q,
      { cache: 'no-cache', credentials: 'omit' });
    if (r.status === 404) return null;
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const j = await r.json();
    j.etag = r.headers.get('ETag');
    return j;
  }

  /** Reads the pages shown so far again, if the thread's ETag says it changed (the browser revalidates: 304s). */
  async function reload(reset) {
    if (!post.exists && reset) { draw(); return; }
    const first = await page(null);
    if (!first) { if (reset) unavailable(); else if (!post.exists) draw(); return; }
    post.exists = true; // a post made by another reader's first comment since the page was loaded
    if (!reset && first.etag && first.etag === etag) return;
    let all = first.comments, cursor = first.next, n = 1;
    while (cursor && n < (reset ? 1 : pages)) {
      const p = await page(cursor);
      if (!p) break;
      all = all.concat(p.comments); cursor = p.next; n++;
    }
    const before = count;
    etag = first.etag; pages = n; next = cursor; count = first.count; list = all;
    if (first.commentsOpen === false) open = false;
    draw();
    if (!reset && count > before) announcer.textContent = S.newComments;
  }

  async function more() {
    if (!next) return;
    moreButton.setAttribute('aria-disabled', 'true');
    try {
      const p = await page(next);
      if (p) {
        const fresh = p.comments;
        list = list.concat(fresh); next = p.next; pages++;
        draw();
        const n = fresh.length && nodes.get(fresh[0].id);
        if (n) n.article.focus();
      }
    } catch (e) { announcer.textContent = S.loadFailed; }
    moreButton.removeAttribute('aria-disabled');
  }

  function unavailable() {
    status.textContent = S.unavailable;
    status.hidden = false;
    home.hidden = true;
    post = null;
  }

  /** A permalink (#comment-<id>, as in the author's mail): ids inside a shadow root are not found by the browser. */
  async function reveal() {
    const id = /^#comment-(.+)$/.exec(location.hash);
    for (const el of root.querySelectorAll('.target')) el.classList.remove('target');
    if (!id || !UUID.test(id[1])) return;
    let n = nodes.get(id[1]), tries = 0;
    while (!n && next && tries++ < 10) { await more(); n = nodes.get(id[1]); }
    const el = n ? n.li : root.getElementById('comment-' + id[1]);
    if (!el) return;
    el.classList.add('target');
    el.scrollIntoView({ block: 'start' });
    el.firstChild.focus({ preventScroll: true });
  }

  // polling: own held comments with back-off, the thread every `refresh` ms, only while the page is visible
  let delay = 1500, ownTimer = 0, threadTimer = 0;
  function schedule() {
    clearTimeout(ownTimer);
    if (post && own().some(p => p.post === post.id)) ownTimer = setTimeout(checkOwn, delay);
  }

  async function checkOwn() {
    if (document.hidden || !post) return;
    let approved = false, refused = false;
    const all = own();
    for (const p of all.filter(x => x.post === post.id)) {
      let r = null;
      try { r = await fetch(API + '/api/v1/comments/' + p.id, { cache: 'no-store', credentials: 'omit' }); } catch (e) { r = null; }
      if (!r) continue;
      const s = r.ok ? (await r.json()).status : r.status === 404 ? 'gone' : null;
      if (s === 'approved') { approved = true; p.done = true; }
      else if (s === 'spam' || s === 'rejected' || s === 'gone') { refused = true; p.done = true; }
    }
    store.set(PENDING, own().filter(x => !all.some(p => p.done && p.id === x.id)));
    if (approved) { try { await reload(false); } catch (e) { /* next round */ } announcer.textContent = S.published; }
    if (refused) say(S.refused, false, false);
    drawOwn();
    delay = Math.min(delay * 1.5, 60000);
    schedule();
  }

  function tick() {
    clearTimeout(threadTimer);
    threadTimer = setTimeout(async () => {
      if (!document.hidden && post) { try { await reload(false); } catch (e) { /* next round */ } }
      tick();
    }, refresh);
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden || !post) return;
    reload(false).catch(() => {});
    delay = 1500;
    schedule();
  });
  window.addEventListener('hashchange', reveal);

  async function resolve() {
    if (d.moderatoPost) return { id: d.moderatoPost, exists: true, open: true };
    const link = document.querySelector('link[rel=canonical]');
    const url = d.moderatoUrl || (link && link.href) || location.origin + location.pathname;
    // not from the browser's cache: a post made by this reader's first comment a moment ago must be found on reload
    const r = await fetch(API + '/api/v1/posts/by-url?url=' + encodeURIComponent(url), { cache: 'no-cache', credentials: 'omit' });
    if (r.status === 404) return null;
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const j = await r.json();
    // a post made by its first comment is titled as the page is; by-url's title of such a post is only its path
    return { id: j.id, exists: j.exists !== false, open: j.commentsOpen !== false, url: j.url || url,
      title: d.moderatoTitle || document.title || j.title };
  }

  async function start() {
    retry.hidden = true;
    status.hidden = false;
    status.textContent = S.loading;
    try {
      post = await resolve();
      if (!post) { unavailable(); return; }
      open = post.open;
      const draft = store.get(draftKey(), sessionStorage);
      if (draft && !fields.text.value) fields.text.value = draft;
      await reload(true);
      if (!post) return;
      status.hidden = true;
      draw();
      reveal();
      schedule();
      tick();
    } catch (e) {
      status.textContent = S.loadFailed;
      retry.hidden = false;
    }
  }
  start();
}

function boot() {
  document.querySelectorAll('#moderato, [data-moderato-post], [data-moderato-url]').forEach(host => {
    try { mount(host); } catch (e) { if (window.console) console.error('Moderato:', e); }
  });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
})();
