// Policy scenarios over time: pick a shipped scenario, move the date, see what its tiers would have covered then
// (policyScenario(asOf)) and how the downstream ecosystem had grown by then (downstreamGrowth(asOf)). Undated models
// (most Hub models) are counted in or left out by the checkbox; the summary says how many there were.

import { graphql } from '/auth.js';

const number = value => Number(value).toLocaleString('en');
const escape = text => String(text ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const FIRST_MONTH = '2019-01';
const charts = new Map();
let library;
let request = 0;


/** Every month from FIRST_MONTH to this one; the slider's last stop is "now" (no asOf). */
function months() {
  const list = [];
  const now = new Date();
  for (let d = new Date(Date.UTC(2019, 0, 1)); d <= now; d.setUTCMonth(d.getUTCMonth() + 1)) {
    list.push(d.toISOString().slice(0, 7));
  }
  return list;
}

/** The last day of a YYYY-MM month. */
function endOf(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

async function draw(element, option) {
  library ??= import('/webjars/echarts/dist/echarts.esm.min.js');
  const { init } = await library;
  charts.get(element)?.dispose();
  const chart = init(element, null, { renderer: 'svg' });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 11 },
    grid: { left: 48, right: 16, top: 48, bottom: 48 }, tooltip: { trigger: 'axis', confine: true }, ...option });
  charts.set(element, chart);
}

const SCENARIO = `query($id: ID!, $asOf: Date, $undated: Boolean) {
  policyScenario(id: $id, asOf: $asOf, includeUndated: $undated) {
    scenario { id name description sources }
    asOf includeUndated undatedModels totalModels totalDownloads
    tiers { id name covers organizations models downloadShare undecided growth { month cumulative } }
    uncoveredSafetyRemoving uncoveredSafetyRemovingDownloads topUncovered { model parent downloads }
  }
  downstreamGrowth(by: RELATION, asOf: $asOf, includeUndated: $undated) {
    totalDerivatives undatedDerivatives months { month derivatives newDevelopers }
  }
}`;

async function show() {
  const id = document.getElementById('scenario').value;
  const all = months();
  const index = Number(document.getElementById('as-of').value);
  const month = index >= all.length ? null : all[index];
  const asOf = month ? endOf(month) : null;
  const undated = document.getElementById('undated').checked;
  document.getElementById('as-of-label').textContent = asOf ?? 'now';
  const summary = document.getElementById('scenario-summary');
  const mine = ++request;
  summary.setAttribute('aria-busy', 'true');
  let data;
  try {
    data = await graphql(SCENARIO, { id, asOf, undated });
  } catch (error) {
    summary.innerHTML = `<p class="error">${escape(error.message)}</p>`;
    return;
  } finally {
    summary.removeAttribute('aria-busy');
  }
  if (mine !== request) return; // a later move of the slider has already asked again
  const result = data.policyScenario;
  const params = new URLSearchParams({ id, includeUndated: String(undated) });
  if (asOf) params.set('asOf', asOf);
  summary.innerHTML = `
    <h1>${escape(result.scenario.name)}</h1>
    <p>${escape(result.scenario.description ?? '')}</p>
    <p class="as-of" data-as-of="${escape(result.asOf ?? '')}">Graph ${result.asOf ? `as of ${escape(result.asOf)}` : 'as it is now'}:
      <strong>${number(result.totalModels)}</strong> models, ${number(result.totalDownloads)} downloads;
      ${number(result.undatedModels)} models without a release date ${result.includeUndated ? 'counted in' : 'left out'}.</p>
    <table class="tiers"><thead><tr><th>tier</th><th>covers</th><th>organisations</th><th>models</th>
      <th>share of downloads</th><th>undecided</th></tr></thead><tbody>
      ${result.tiers.map(t => `<tr data-tier="${escape(t.id)}"><td>${escape(t.name ?? t.id)}</td><td>${escape(t.covers)}</td>
        <td>${number(t.organizations)}</td><td class="models">${number(t.models)}</td>
        <td>${(100 * t.downloadShare).toFixed(2)}%</td><td>${number(t.undecided)}</td></tr>`).join('')}
    </tbody></table>
    <p>Safety-removing models no tier covers: <strong class="uncovered">${number(result.uncoveredSafetyRemoving)}</strong>
      (${number(result.uncoveredSafetyRemovingDownloads)} downloads)${result.topUncovered.length ? ': ' : '.'}
      ${result.topUncovered.map(u => `<a href="/model/${encodeURI(u.model)}">${escape(u.model)}</a>`).join(', ')}</p>
    <p class="exports">Export <a href="/report/scenario?${params}&format=csv">CSV</a>
      <a href="/report/scenario?${params}&format=md">Markdown</a>;
      sources: ${result.scenario.sources.map(escape).join('; ') || '—'}</p>`;
  const tierMonths = [...new Set(result.tiers.flatMap(t => t.growth.map(g => g.month)))].sort();
  await draw(document.getElementById('coverage-chart'), {
    title: { text: 'Covered models by month (cumulative)', textStyle: { fontSize: 12 } },
    legend: { bottom: 0, textStyle: { fontSize: 9 } },
    xAxis: { type: 'category', data: tierMonths }, yAxis: { type: 'value' },
    series: result.tiers.map(t => {
      const byMonth = new Map(t.growth.map(g => [g.month, g.cumulative]));
      let last = 0;
      return { name: t.name ?? t.id, type: 'line', step: 'end', showSymbol: false,
        data: tierMonths.map(m => (last = byMonth.get(m) ?? last)) };
    }),
  });
  const growth = data.downstreamGrowth;
  await draw(document.getElementById('growth-chart'), {
    title: { text: 'Derived models and new downstream developers per month',
      subtext: `${number(growth.totalDerivatives)} derived models, ${number(growth.undatedDerivatives)} undated ${undated ? '(not in a month)' : '(left out)'}`,
      textStyle: { fontSize: 12 }, subtextStyle: { fontSize: 10 } },
    legend: { bottom: 0, textStyle: { fontSize: 9 } },
    xAxis: { type: 'category', data: growth.months.map(m => m.month) }, yAxis: { type: 'value' },
    series: [
      { name: 'derived models', type: 'bar', data: growth.months.map(m => m.derivatives), itemStyle: { color: '#2f6fde' } },
      { name: 'new developers', type: 'line', showSymbol: false, data: growth.months.map(m => m.newDevelopers), itemStyle: { color: '#d62828' } },
    ],
  });
}

async function start() {
  const slider = document.getElementById('as-of');
  const all = months();
  slider.max = String(all.length); // the last stop is "now"
  const query = new URLSearchParams(location.search);
  const wanted = query.get('asOf')?.slice(0, 7);
  slider.value = String(wanted && all.includes(wanted) ? all.indexOf(wanted) : all.length);
  const { policyScenarios } = await graphql('{ policyScenarios { id name } }');
  const select = document.getElementById('scenario');
  select.innerHTML = policyScenarios.map(s => `<option value="${escape(s.id)}">${escape(s.name)}</option>`).join('');
  if (query.get('id')) select.value = query.get('id');
  select.addEventListener('change', show);
  slider.addEventListener('change', show);
  slider.addEventListener('input', () => {
    const i = Number(slider.value);
    document.getElementById('as-of-label').textContent = i >= all.length ? 'now' : endOf(all[i]);
  });
  document.getElementById('undated').addEventListener('change', show);
  await show();
}

start();
