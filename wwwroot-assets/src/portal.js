// The portal's only script bundle. Everything the UI does is a server request that returns server-rendered HTML
// (Razor components) swapped in by htmx; this file adds the Fluent web components and a few behaviours that need
// the browser. No inline scripts anywhere: the Content-Security-Policy forbids them.
import htmx from 'htmx.org/dist/htmx.esm.js';
import '@fluentui/web-components/badge/define.js';
import '@fluentui/web-components/counter-badge/define.js';
import '@fluentui/web-components/spinner/define.js';
import '@fluentui/web-components/progress-bar/define.js';
import '@fluentui/web-components/divider/define.js';
import '@fluentui/web-components/message-bar/define.js';
import '@fluentui/web-components/tooltip/define.js';

window.htmx = htmx;

// Navigation pane: collapse/expand like the Azure portal menu, remembered per browser.
const NAV_KEY = 'nspportal.nav.collapsed';
function applyNavState() {
  document.body.classList.toggle('nav-collapsed', localStorage.getItem(NAV_KEY) === '1');
}
document.addEventListener('click', (e) => {
  const toggle = e.target.closest('[data-action="toggle-nav"]');
  if (!toggle) return;
  const collapsed = !document.body.classList.contains('nav-collapsed');
  localStorage.setItem(NAV_KEY, collapsed ? '1' : '0');
  applyNavState();
  toggle.setAttribute('aria-expanded', String(!collapsed));
});

// "/" jumps to the global search box, as in the Azure portal (G+/).
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  const search = document.getElementById('global-search');
  if (search) { e.preventDefault(); search.focus(); }
});

// No double submission: a plain (non-htmx) form disables its submit buttons once it is sent.
document.addEventListener('submit', (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || form.hasAttribute('hx-post') || form.hasAttribute('hx-get')) return;
  if (form.dataset.submitted === '1') { e.preventDefault(); return; }
  form.dataset.submitted = '1';
  setTimeout(() => form.querySelectorAll('button[type="submit"], button:not([type])').forEach((b) => { b.disabled = true; }), 0);
});

// After a swap, move focus where a keyboard user needs it: the first field in error, else an element marked
// data-autofocus (e.g. the first field of a panel that just opened).
function focusAfterSwap(root) {
  const target = root.querySelector('[aria-invalid="true"]') || root.querySelector('[data-autofocus]');
  if (target instanceof HTMLElement) target.focus();
}
document.addEventListener('htmx:afterSettle', (e) => {
  const elt = e.detail && e.detail.elt;
  if (elt instanceof HTMLElement && !elt.closest('[data-no-autofocus]')) focusAfterSwap(elt);
});

// A failed htmx request (network error, 5xx, an expired antiforgery token) is reported in the notification
// area instead of failing silently. The server's message is used when it sent one.
function notify(kind, text) {
  const area = document.getElementById('portal-notifications');
  if (!area) return;
  const bar = document.createElement('fluent-message-bar');
  bar.setAttribute('intent', kind);
  bar.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  bar.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notification-close';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => bar.remove());
  bar.append(close);
  area.prepend(bar);
}
// An expired antiforgery token (a tab left open overnight): the server refuses the request, changes nothing and sends
// a renewed token; put it everywhere the page keeps one, so pressing the button again works and nothing typed is lost.
function renewAntiforgeryToken(token) {
  document.querySelectorAll('input[name="__RequestVerificationToken"]').forEach((i) => { i.value = token; });
  document.querySelectorAll('[hx-headers]').forEach((el) => {
    try {
      const headers = JSON.parse(el.getAttribute('hx-headers'));
      if (headers && 'RequestVerificationToken' in headers) {
        headers.RequestVerificationToken = token;
        el.setAttribute('hx-headers', JSON.stringify(headers));
      }
    } catch { /* not JSON: not ours */ }
  });
}
document.addEventListener('htmx:responseError', (e) => {
  const xhr = e.detail.xhr;
  const renewed = xhr.getResponseHeader('X-Nsp-Antiforgery-Token');
  if (renewed) renewAntiforgeryToken(renewed);
  const message = xhr.getResponseHeader('X-Nsp-Message');
  notify('error', message || `The request failed (${xhr.status} ${xhr.statusText}). Refresh the page and try again.`);
});
document.addEventListener('htmx:sendError', () => notify('error', 'The portal could not be reached. Check the connection and try again.'));

// A select marked data-autosubmit submits its (GET) form on change: the scope picker of Access control (IAM).
document.addEventListener('change', (e) => {
  const select = e.target;
  if (select instanceof HTMLSelectElement && select.hasAttribute('data-autosubmit') && select.form) select.form.requestSubmit();
});

// Copy buttons (data-action="copy" data-copy-target="<input id>"): the personal access token shown once.
document.addEventListener('click', async (e) => {
  const button = e.target.closest('[data-action="copy"]');
  if (!button) return;
  const input = document.getElementById(button.dataset.copyTarget || '');
  if (!(input instanceof HTMLInputElement) && !(input instanceof HTMLTextAreaElement)) return;
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    notify('success', 'Copied to the clipboard.');
  } catch {
    notify('info', 'Press Ctrl+C to copy the selected text.');
  }
});

applyNavState();

// Grids with checkboxes: the header checkbox (data-select-all) selects every row of its form; the command bar's
// selection commands (data-needs-selection) are enabled only while a row is selected.
function syncSelection(form) {
  if (!form) return;
  const boxes = [...form.querySelectorAll('input[type="checkbox"][name="selected"]')];
  const count = boxes.filter((b) => b.checked).length;
  form.querySelectorAll('[data-needs-selection]').forEach((c) => { c.disabled = count === 0; });
  const all = form.querySelector('input[data-select-all]');
  if (all) { all.checked = count > 0 && count === boxes.length; all.indeterminate = count > 0 && count < boxes.length; }
}
document.addEventListener('change', (e) => {
  const box = e.target;
  if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
  if (box.hasAttribute('data-select-all') && box.form) {
    box.form.querySelectorAll('input[type="checkbox"][name="selected"]').forEach((b) => { b.checked = box.checked; });
  }
  if (box.name === 'selected' || box.hasAttribute('data-select-all')) syncSelection(box.form);
});
document.addEventListener('htmx:afterSettle', () => document.querySelectorAll('form[data-selection]').forEach(syncSelection));
document.querySelectorAll('form[data-selection]').forEach(syncSelection);

// Type-to-confirm (delete a perimeter): the button marked data-confirm-button stays disabled until the input marked
// data-confirm-name holds exactly that name. The server checks the name again.
function syncConfirm(input) {
  if (!(input instanceof HTMLInputElement) || !input.dataset.confirmName || !input.form) return;
  input.form.querySelectorAll('[data-confirm-button]').forEach((b) => { b.disabled = input.value !== input.dataset.confirmName; });
}
document.addEventListener('input', (e) => syncConfirm(e.target));
document.addEventListener('htmx:afterSettle', () => document.querySelectorAll('input[data-confirm-name]').forEach(syncConfirm));
document.querySelectorAll('input[data-confirm-name]').forEach(syncConfirm);

// A filter box inside a bigger form (the resource picker in the wizard): Enter filters (its htmx "search" trigger)
// instead of submitting the surrounding form.
document.addEventListener('keydown', (e) => {
  const input = e.target;
  if (e.key !== 'Enter' || !(input instanceof HTMLInputElement) || input.dataset.enter !== 'search') return;
  e.preventDefault();
  input.dispatchEvent(new Event('search'));
});

// Escape closes an open context pane (its close link), as in the Azure portal.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  const close = document.querySelector('.context-pane [data-pane-close]');
  if (close instanceof HTMLElement) close.click();
});

// An open context pane is modal (aria-modal): Tab and Shift+Tab cycle through its fields and buttons instead of
// wandering into the blade behind the backdrop.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Tab') return;
  const pane = document.querySelector('.context-pane');
  if (!pane) return;
  const focusable = [...pane.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])')]
    .filter((el) => el.offsetParent !== null);
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const inside = pane.contains(document.activeElement);
  if (e.shiftKey && (document.activeElement === first || !inside)) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && (document.activeElement === last || !inside)) { e.preventDefault(); first.focus(); }
});
