/*! Moderato counts: fills [data-moderato-count="<post id>"] and [data-moderato-count-url="<page URL>"] elements. */
(() => {
'use strict';
const me = document.currentScript || document.querySelector('script[src$="/count.js"]');
if (!me) return;
const API = new URL(me.src, location.href).origin;
const S = Object.assign({ countZero: '0 comments', countOne: '1 comment', countOther: '{n} comments' }, window.moderatoStrings);
const number = new Intl.NumberFormat();
const text = n => n === 0 ? S.countZero : n === 1 ? S.countOne : String(S.countOther).replace('{n}', number.format(n));

function fill() {
  const wanted = [];
  for (const el of document.querySelectorAll('[data-moderato-count], [data-moderato-count-url]')) {
    const post = el.getAttribute('data-moderato-count');
    wanted.push(post ? ['post', post, el] : ['url', new URL(el.getAttribute('data-moderato-count-url'), location.href).href, el]);
  }
  const keys = [...new Set(wanted.map(w => w[0] + '=' + encodeURIComponent(w[1])))];
  for (let i = 0; i < keys.length; i += 50) {
    fetch(API + '/api/v1/counts?' + keys.slice(i, i + 50).join('&'), { credentials: 'omit' })
      .then(r => (r.ok ? r.json() : {}))
      .then(counts => {
        for (const [, key, el] of wanted) if (typeof counts[key] === 'number') el.textContent = text(counts[key]);
      })
      .catch(() => { /* leave the elements as they are */ });
  }
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fill);
else fill();
})();
