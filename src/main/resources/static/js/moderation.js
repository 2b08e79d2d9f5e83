// Progressive enhancement of the moderation page: the forms post and redirect without this script; with it they
// post in the background (CSRF token in a header), and each decided comment leaves the queue or is refreshed in
// place, with the counts updated. Keyboard: j/k move, x selects, a/s/r decide.
(() => {
  'use strict';

  const main = document.getElementById('queue');
  if (!main) {
    return;
  }
  document.documentElement.classList.add('js');
  const queue = main.dataset.queue;
  const bulk = document.getElementById('bulk');
  const notices = document.getElementById('notices');
  const selectAll = document.getElementById('select-all');
  const csrf = { header: meta('_csrf_header'), token: meta('_csrf') };
  let current = null;

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : '';
  }

  const cards = () => Array.from(document.querySelectorAll('.card'));
  const selected = () => Array.from(document.querySelectorAll('.pick-box:checked'));

  function setCurrent(card, scroll) {
    if (current) {
      current.classList.remove('current');
    }
    current = card || null;
    if (current) {
      current.classList.add('current');
      if (scroll) {
        current.focus({ preventScroll: true });
        current.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  function move(step) {
    const list = cards();
    const at = list.indexOf(current);
    const next = at < 0 ? list[0] : list[Math.min(list.length - 1, Math.max(0, at + step))];
    setCurrent(next, true);
  }

  function refreshSelection() {
    if (!bulk) {
      return;
    }
    const count = selected().length;
    document.getElementById('selected').textContent = count + ' selected';
    bulk.querySelectorAll('button[name="action"]').forEach(button => { button.disabled = count === 0; });
    bulk.classList.toggle('active', count > 0);
    selectAll.checked = count > 0 && count === cards().length;
    document.getElementById('empty').hidden = cards().length > 0;
    bulk.hidden = cards().length === 0;
  }

  function say(messages, tone) {
    notices.replaceChildren(...messages.map(text => {
      const line = document.createElement('p');
      line.className = tone ? 'notice ' + tone : 'notice';
      line.textContent = text;
      return line;
    }));
  }

  function updateCounts(counts) {
    document.querySelectorAll('[data-count]').forEach(element => {
      if (counts[element.dataset.count] !== undefined) {
        element.textContent = counts[element.dataset.count];
      }
    });
  }

  function removeCard(card) {
    if (card === current) {
      const list = cards();
      const at = list.indexOf(card);
      setCurrent(list[at + 1] || list[at - 1], false);
    }
    card.remove();
  }

  async function refreshCard(card, id) {
    const response = await fetch('/moderation/comments/' + encodeURIComponent(id) + '?queue=' + encodeURIComponent(queue),
      { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    if (!response.ok) {
      removeCard(card);
      return;
    }
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.querySelector('.card');
    card.replaceWith(fresh);
    if (card === current) {
      setCurrent(fresh, false);
    }
  }

  // A decided comment stays on the page only if it still belongs to this queue.
  async function show(result) {
    const card = document.getElementById('c-' + result.id);
    if (!card || result.outcome === 'forbidden') {
      return;
    }
    const stays = result.status && result.status !== 'deleted' && (queue === 'all' || queue === result.status);
    if (stays) {
      await refreshCard(card, result.id);
    }
    else {
      removeCard(card);
    }
  }

  async function submit(form, submitter) {
    if (submitter && submitter.value === 'delete' && !window.confirm('Delete this comment for good?')) {
      return;
    }
    // read the form before disabling its buttons: a disabled submitter is left out of the form data
    const body = new URLSearchParams(new FormData(form, submitter));
    const buttons = Array.from(form.querySelectorAll('button'));
    buttons.forEach(button => { button.disabled = true; });
    try {
      const headers = { Accept: 'application/json' };
      headers[csrf.header] = csrf.token;
      // not form.action: that is the buttons named "action"
      const response = await fetch(form.getAttribute('action'), { method: 'POST', body, headers, credentials: 'same-origin' });
      const type = response.headers.get('Content-Type') || '';
      if (response.redirected || !type.includes('json')) {
        say(['Your session has ended: reload the page to sign in again.'], 'error');
        return;
      }
      if (!response.ok) {
        say(['That did not work (HTTP ' + response.status + '). Reload the page and try again.'], 'error');
        return;
      }
      const answer = await response.json();
      await Promise.all(answer.results.map(show));
      updateCounts(answer.counts);
      say(answer.notices, answer.results.every(result => result.outcome === 'applied') ? '' : 'warn');
    }
    catch (error) {
      say(['Moderato could not be reached. Check the connection and try again.'], 'error');
    }
    finally {
      buttons.forEach(button => { if (button.isConnected) button.disabled = false; });
      refreshSelection();
    }
  }

  function decide(key) {
    const form = selected().length > 0 ? bulk : current && current.querySelector('form.actions');
    const button = form && form.querySelector('button[data-key="' + key + '"]');
    if (button && !button.disabled) {
      form.requestSubmit(button);
    }
  }

  document.addEventListener('submit', event => {
    const form = event.target;
    if (form.matches('form.actions, #bulk')) {
      event.preventDefault();
      submit(form, event.submitter);
    }
  });

  document.addEventListener('change', event => {
    if (event.target === selectAll) {
      document.querySelectorAll('.pick-box').forEach(box => { box.checked = selectAll.checked; });
    }
    refreshSelection();
  });

  main.addEventListener('click', event => {
    const card = event.target.closest('.card');
    if (card) {
      setCurrent(card, false);
    }
  });

  document.addEventListener('keydown', event => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing
        || event.target.matches('input:not([type="checkbox"]), textarea, select, [contenteditable]')) {
      return;
    }
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'x':
        if (current) {
          const box = current.querySelector('.pick-box');
          box.checked = !box.checked;
          refreshSelection();
        }
        break;
      case 'a': case 's': case 'r': decide(event.key); break;
      default: return;
    }
    event.preventDefault();
  });

  // The tabs scroll sideways on a narrow screen: show on which side there are more, and keep the current one in view.
  const tabsWrap = document.getElementById('tabs-wrap');
  const tabs = tabsWrap && tabsWrap.querySelector('.tabs');
  function markTabOverflow() {
    const end = tabs.scrollWidth - tabs.clientWidth;
    tabsWrap.classList.toggle('more-before', tabs.scrollLeft > 1);
    tabsWrap.classList.toggle('more-after', tabs.scrollLeft < end - 1);
  }
  if (tabs) {
    const currentTab = tabs.querySelector('.tab.current');
    if (currentTab && currentTab.offsetLeft + currentTab.offsetWidth > tabs.clientWidth) {
      tabs.scrollLeft = currentTab.offsetLeft - (tabs.clientWidth - currentTab.offsetWidth) / 2;
    }
    tabs.addEventListener('scroll', markTabOverflow, { passive: true });
    window.addEventListener('resize', markTabOverflow);
    markTabOverflow();
  }

  if (bulk) {
    bulk.querySelector('.select-all').hidden = false;
    document.getElementById('selected').hidden = false;
  }
  setCurrent(cards()[0], false);
  refreshSelection();
})();
