// Chart bundle, loaded only by pages that show a chart: <div data-chart='{ apexcharts options }'></div>.
// apexcharts is pinned to 4.7.0, the last MIT release; 5+ carries a licence we cannot ship.
import ApexCharts from 'apexcharts';

// The Content-Security-Policy (style-src 'self') refuses inline <style> elements. apexcharts adds two: its stylesheet
// (skipped when an element with id "apexcharts-css" exists: the page links dist/charts.css with that id) and its
// legend rules, appended to each chart's legend foreignObject. Those rules ship in charts.css, so the element is
// dropped here instead of being refused by the browser.
const appendChild = Node.prototype.appendChild;
Node.prototype.appendChild = function append(child) {
  if (child instanceof HTMLStyleElement && this instanceof SVGForeignObjectElement) return child;
  return appendChild.call(this, child);
};

const rendered = new WeakMap();

function renderCharts(root) {
  root.querySelectorAll('[data-chart]').forEach((el) => {
    if (rendered.has(el)) return;
    const options = JSON.parse(el.getAttribute('data-chart'));
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    options.theme = { mode: dark ? 'dark' : 'light', ...(options.theme || {}) };
    options.chart = { background: 'transparent', fontFamily: 'inherit', ...(options.chart || {}) };
    const chart = new ApexCharts(el, options);
    rendered.set(el, chart);
    chart.render().then(() => el.setAttribute('data-chart-ready', 'true'));
  });
}

renderCharts(document);
document.addEventListener('htmx:afterSettle', (e) => renderCharts(e.detail.elt instanceof Element ? e.detail.elt : document));
window.nspCharts = { renderCharts };
