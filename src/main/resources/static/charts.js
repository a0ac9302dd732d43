// The family in pictures (growth per month with its undated share, relation mix, depth profile, top organisations,
// licence drift), drawn with Apache ECharts from its WebJar. The library (1 MB) is loaded only when a report is
// shown, so the graph's first view does not wait for it. SVG rendering keeps the charts' text in the page (readable
// by the browser test and by screen readers).

let library;
const number = value => Number(value).toLocaleString('en');
const charts = new Map();

async function echarts() {
  library ??= import('/webjars/echarts/dist/echarts.esm.min.js');
  return library;
}

export const RELATION_COLORS = { FINETUNE: '#2f6fde', ADAPTER: '#1c9c6b', QUANTIZED: '#8a8f9c', MERGE: '#c27c0e',
  DISTILLATION: '#8e44ad', CONTINUED_PRETRAINING: '#0e8fa8', SAFETY_REMOVAL: '#d62828', OTHER: '#555' };

const DRIFT_COLORS = { SAME: '#8a8f9c', MORE_PERMISSIVE: '#d62828', MORE_RESTRICTIVE: '#2f6fde', UNKNOWN: '#c9ccd5' };

const base = { animation: false, textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 11 },
  grid: { left: 44, right: 12, top: 42, bottom: 28 }, tooltip: { trigger: 'axis', confine: true } };

function title(text, subtext) {
  return { text, subtext, left: 0, top: 0, textStyle: { fontSize: 12, fontWeight: 600 }, subtextStyle: { fontSize: 10 }, itemGap: 2 };
}

async function draw(element, option) {
  const { init } = await echarts();
  charts.get(element)?.dispose();
  const chart = init(element, null, { renderer: 'svg' });
  chart.setOption({ ...base, ...option });
  charts.set(element, chart);
  return chart;
}

/**
 * Growth per month: members created each month and the running total of the dated ones, against a line at the
 * family's real size: the gap is the undated share, said in the subtitle too (a curve of the dated members alone
 * silently covered a tenth of gemma-7b's family).
 */
export function growth(element, byMonth) {
  const dated = byMonth.filter(m => m.month !== 'UNKNOWN');
  const undated = byMonth.find(m => m.month === 'UNKNOWN')?.count ?? 0;
  const total = byMonth.reduce((sum, m) => sum + m.count, 0);
  let running = 0;
  const cumulative = dated.map(m => (running += m.count));
  const share = total ? Math.round(100 * undated / total) : 0;
  return draw(element, {
    title: title('Growth per month', `${number(total - undated)} dated, ${number(undated)} undated (${share}%): undated models have no month`),
    grid: { ...base.grid, top: 58, right: 44, bottom: 42 },
    legend: { bottom: 0, itemHeight: 8, textStyle: { fontSize: 9 } },
    xAxis: { type: 'category', data: dated.map(m => m.month), axisLabel: { fontSize: 9 } },
    yAxis: [{ type: 'value', name: 'new', nameTextStyle: { fontSize: 9 } },
      { type: 'value', name: 'total', nameTextStyle: { fontSize: 9 }, splitLine: { show: false }, max: total || null }],
    series: [
      { name: 'new per month', type: 'bar', data: dated.map(m => m.count), itemStyle: { color: '#2f6fde' } },
      { name: 'total, dated', type: 'line', yAxisIndex: 1, showSymbol: false, data: cumulative, itemStyle: { color: '#1d2330' },
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#8a8f9c', type: 'dashed' },
          label: { formatter: `family: ${number(total)} incl. ${number(undated)} undated`, position: 'insideEndTop', fontSize: 9 },
          data: [{ yAxis: total }] } },
    ],
  });
}

/** Moves the growth chart's marker to the time slider's month (null = no marker). */
export function markGrowth(month) {
  const chart = [...charts.entries()].find(([element]) => element.id === 'chart-growth')?.[1];
  chart?.setOption({ series: [{ markLine: { symbol: 'none', silent: true, lineStyle: { color: '#f2b705', width: 2 },
    label: { formatter: 'time slider', fontSize: 9 }, data: month ? [{ xAxis: month }] : [] } }] });
}

export function relationMix(element, byRelation) {
  return draw(element, {
    title: title('Relation mix', 'derivations inside the family'),
    tooltip: { trigger: 'item', confine: true },
    series: [{ type: 'pie', radius: ['32%', '56%'], center: ['50%', '60%'], label: { fontSize: 10, formatter: '{b}: {c}' },
      data: byRelation.map(r => ({ name: r.relation.toLowerCase(), value: r.count, itemStyle: { color: RELATION_COLORS[r.relation] ?? '#555' } })) }],
  });
}

export function depthProfile(element, byDepth) {
  return draw(element, {
    title: title('Depth profile', 'descendants per level below the model'),
    xAxis: { type: 'category', data: byDepth.map(d => String(d.depth)), name: 'depth', nameLocation: 'middle', nameGap: 20, nameTextStyle: { fontSize: 9 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: byDepth.map(d => d.count), itemStyle: { color: '#0e8fa8' } }],
  });
}

export function topOrganizations(element, byOrganization) {
  const rows = [...byOrganization].reverse();
  return draw(element, {
    title: title('Top organisations', 'descendants by developer'),
    grid: { ...base.grid, left: 110 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map(o => o.organization), axisLabel: { fontSize: 9, width: 100, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map(o => o.count), itemStyle: { color: '#6b7a99' } }],
  });
}

export function licenceDrift(element, byKind, flaggedCount) {
  return draw(element, {
    title: title('Licence drift', `${flaggedCount} flagged: more permissive than a restricting parent`),
    grid: { ...base.grid, left: 120 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: byKind.map(k => k.kind.toLowerCase().replace('_', ' ')), axisLabel: { fontSize: 9 } },
    series: [{ type: 'bar', data: byKind.map(k => ({ value: k.count, itemStyle: { color: DRIFT_COLORS[k.kind] ?? '#555' } })) }],
  });
}

export function disposeAll() {
  for (const chart of charts.values()) chart.dispose();
  charts.clear();
}
