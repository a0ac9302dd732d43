// Pedigree lineage explorer: a plain ES module over the same GraphQL API every client uses.
//
// Below the opened model its direct derivatives are drawn the way the Hub's model tree lists them: one column per
// relation, headed by the relation and its count, most downloaded first, paged inside the column. Drawing a whole
// family in id order buried the used derivatives (gemma-7b-it was number 1,364 of 3,367) under unused ones, and 25 to
// 100 siblings in one row overlapped; columns of at most a few pages stay readable at any family size.
import cytoscape from '/webjars/cytoscape/dist/cytoscape.esm.min.mjs';
import { label } from '/labels.js';
import * as views from '/view-export.js';
import * as charts from '/charts.js';
import { graphql } from '/auth.js';

const COLORS = charts.RELATION_COLORS;
const PAGE = 8; // members per page of a relation column
const COLUMN = 280; // px between relation columns (labels sit to the right of their node)
const ROW = 30; // px between the members of a column
const UNSAFE = new Set(['REMOVED', 'DEGRADED']);

const panel = document.getElementById('panel');
const toolbar = document.getElementById('toolbar');
const tooltip = document.getElementById('tooltip');
const cy = cytoscape({
  container: document.getElementById('graph'),
  minZoom: 0.1, maxZoom: 3, wheelSensitivity: 0.3,
  style: [
    { selector: 'node', style: { label: 'data(label)', 'font-size': 11, color: '#1d2330', width: 'data(size)', height: 'data(size)',
      'background-color': '#6b7a99', 'text-valign': 'bottom', 'text-margin-y': 2, 'text-wrap': 'none' } },
    { selector: 'node.member', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 } },
    { selector: 'node.unreported', style: { 'background-color': '#fff', 'border-width': 2, 'border-style': 'dashed', 'border-color': '#6b7a99' } },
    { selector: 'node.unsafe', style: { 'border-width': 3, 'border-style': 'solid', 'border-color': '#d62828' } },
    { selector: 'node.focus', style: { 'background-color': '#1d2330', 'border-width': 3, 'border-style': 'solid', 'border-color': '#f2b705', 'font-weight': 600 } },
    { selector: 'node.group', style: { shape: 'round-rectangle', width: 'data(width)', height: 22, 'background-color': '#fff',
      'border-width': 2, 'border-color': 'data(color)', 'text-valign': 'center', 'text-margin-y': 0, 'font-size': 11, 'font-weight': 600 } },
    { selector: 'node.more', style: { shape: 'round-rectangle', width: 'data(width)', height: 18, 'background-color': '#e3e6ee',
      'text-valign': 'center', 'text-halign': 'center', 'text-margin-x': 0, 'font-size': 10 } },
    { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.7,
      'line-color': 'data(color)', 'target-arrow-color': 'data(color)' } },
    { selector: 'edge.member-edge', style: { 'curve-style': 'segments', 'edge-distances': 'node-position', width: 1.2 } },
    { selector: 'edge.unsafe', style: { 'line-style': 'dashed', 'line-color': '#d62828', 'target-arrow-color': '#d62828', width: 2.5 } },
    { selector: '.filtered, .folded', style: { display: 'none' } },
    { selector: '.later', style: { opacity: 0.12 } },
    { selector: 'edge.hover, node.hover', style: { 'underlay-color': '#f2b705', 'underlay-opacity': 0.35, 'underlay-padding': 4 } },
  ],
});


function escape(text) {
  return String(text ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

const number = value => Number(value).toLocaleString('en');

// Sized by downloads, but a model that reports none is not drawn as unused: gated Hub models (Llama 2) report 0, and
// most adapters report nothing at all. They get a middle size and a dashed ring instead (the legend says so).
function size(downloads, member) {
  // Members of a column get a flatter scale, so that a row of them never overlaps.
  if (member) return downloads > 0 ? 10 + Math.min(17, Math.log10(downloads + 1) * 2.8) : 18;
  return downloads > 0 ? 14 + Math.min(40, Math.log10(downloads + 1) * 6) : 26;
}

const DERIVATION = 'relation source safetyEffect capabilityEffect computeFlop confidence date';
const MODEL_FIELDS = 'id downloads likes releaseDate license';

function derivationTip(via, parentId, childId) {
  const compute = via.computeFlop != null ? `${via.computeFlop.toExponential(2)} FLOP` : 'not reported';
  return `<b>${escape(parentId)}</b> → <b>${escape(childId)}</b><br>
    relation: ${escape(via.relation.toLowerCase())} · source: ${escape(via.source ?? 'unknown')}<br>
    safety effect: ${escape(via.safetyEffect.toLowerCase())} · capability: ${escape((via.capabilityEffect ?? 'UNKNOWN').toLowerCase())}<br>
    compute: ${compute}${via.confidence != null ? ` · confidence ${via.confidence}` : ''}${via.date ? ` · ${escape(via.date)}` : ''}`;
}

function modelTip(model) {
  const downloads = model.downloads > 0 ? number(model.downloads)
    : model.downloads === 0 ? '0 reported (gated models report 0)' : 'not reported';
  return `<b>${escape(model.id)}</b><br>downloads: ${downloads}${model.likes ? ` · likes ${number(model.likes)}` : ''}<br>
    created: ${escape(model.releaseDate ?? 'unknown')} · licence: ${escape(model.license ?? 'unknown')}`;
}

function addModel(model, contextId, classes = []) {
  const existing = cy.getElementById(model.id);
  if (existing.length) return existing;
  return cy.add({ group: 'nodes', classes: [...classes, model.downloads > 0 ? '' : 'unreported'].join(' '),
    data: { id: model.id, kind: 'model', label: label(model.id, contextId), size: size(model.downloads, classes.includes('member')),
      released: model.releaseDate ?? null, tip: modelTip(model) } });
}

function addDerivation(id, source, target, via, tip, classes = []) {
  if (cy.getElementById(id).length) return;
  cy.add({ group: 'edges', classes: [...classes, UNSAFE.has(via.safetyEffect) ? 'unsafe' : ''].join(' '),
    data: { id, source, target, color: COLORS[via.relation] ?? '#555', relation: via.relation, tip } });
}

// ---- state of the view -------------------------------------------------------------------------------------------

const state = { id: null, depth: 1, groups: new Map(), hidden: new Set(), months: [] };

function groupQuery(relation, after) {
  return state.depth === 1
    ? `children(relations: [${relation}], orderBy: DOWNLOADS, first: ${PAGE}, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${DERIVATION} child { ${MODEL_FIELDS} } } } }`
    : `descendants(maxDepth: ${state.depth}, relations: [${relation}], orderBy: DOWNLOADS, first: ${PAGE}, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { depth model { ${MODEL_FIELDS} } via { ${DERIVATION} parent { id } } } } }`;
}

/** Members of a page as (model, via, parentId, depth), whichever query produced it. */
function members(connection) {
  return connection.edges.map(({ node }) => node.child
    ? { model: node.child, via: node, parentId: state.id, depth: 1 }
    : { model: node.model, via: node.via, parentId: node.via.parent.id, depth: node.depth });
}

function ensureGroup(relation, count) {
  let group = state.groups.get(relation);
  if (!group) {
    group = { relation, count, members: [], cursor: null, hasNext: false, folded: false };
    state.groups.set(relation, group);
    const text = `${relation.toLowerCase().replace('_', ' ')} · ${number(count)}${state.depth > 1 ? ` (≤ ${state.depth} levels)` : ''}`;
    cy.add({ group: 'nodes', classes: 'group', data: { id: `group:${relation}`, kind: 'group', relation, label: `▾ ${text}`, text,
      width: 16 + text.length * 6.6, color: COLORS[relation] ?? '#555',
      tip: `${number(count)} ${state.depth > 1 ? `descendants within ${state.depth} levels through ${relation.toLowerCase()} chains`
        : `direct ${relation.toLowerCase()} derivatives`}; most downloaded first. Click to fold.` } });
    cy.add({ group: 'edges', data: { id: `${state.id}→group:${relation}`, source: state.id, target: `group:${relation}`,
      color: COLORS[relation] ?? '#555', relation, tip: `${relation.toLowerCase()}: ${number(count)}` } });
  }
  group.count = count;
  return group;
}

function addPage(relation, connection) {
  const group = state.groups.get(relation);
  for (const { model, via, parentId, depth } of members(connection)) {
    if (group.members.includes(model.id)) continue;
    const node = addModel(model, parentId, ['member', `in-${relation}`]);
    node.data('level', depth);
    if (UNSAFE.has(via.safetyEffect)) node.addClass('unsafe');
    group.members.push(model.id);
    const chain = depth > 1 ? `<br><i>depth ${depth}, reached through ${escape(parentId)}</i>` : '';
    addDerivation(`${relation}→${model.id}`, `group:${relation}`, model.id, via, derivationTip(via, parentId, model.id) + chain,
      ['member-edge', `in-${relation}`]);
  }
  group.cursor = connection.pageInfo.endCursor;
  group.hasNext = connection.pageInfo.hasNextPage;
  const moreId = `more:${relation}`;
  cy.remove(cy.getElementById(moreId));
  if (group.hasNext) {
    const text = `▾ ${PAGE} more (${number(group.count - group.members.length)} left)`;
    cy.add({ group: 'nodes', classes: `more in-${relation}`, data: { id: moreId, kind: 'more', relation, label: text,
      width: 16 + text.length * 5.6, tip: `Next ${PAGE} ${relation.toLowerCase()} derivatives by downloads` } });
  }
}

/** Loads the next page inside a relation column. */
async function page(relation) {
  const group = state.groups.get(relation);
  const data = await graphql(`query($id: ID!, $after: String) { model(id: $id) { ${groupQuery(relation)} } }`,
    { id: state.id, after: group.cursor });
  addPage(relation, data.model.children ?? data.model.descendants);
  refresh();
}

/**
 * Draws the relation columns: at depth 1 from `groups` (childrenByRelation, read with the model or now), deeper from
 * each relation's chains (a chain of a relation starts with a direct derivative of it, so depth 1 names them all).
 */
async function loadGroups(groups) {
  cy.remove(cy.elements('.group, .member, .member-edge, .more'));
  state.groups.clear();
  if (state.depth === 1) {
    if (groups.some(g => !g.children)) {
      const data = await graphql(`query($id: ID!) { model(id: $id) { childrenByRelation(first: ${PAGE}) { relation count
        children { pageInfo { hasNextPage endCursor } edges { node { ${DERIVATION} child { ${MODEL_FIELDS} } } } } } } }`, { id: state.id });
      groups = data.model.childrenByRelation;
    }
    for (const g of groups) {
      ensureGroup(g.relation, g.count);
      addPage(g.relation, g.children);
    }
  }
  else {
    // One request: each relation's chains to the chosen depth, most downloaded first.
    const relations = groups.map(g => g.relation);
    const aliases = relations.map((r, i) => `g${i}: ${groupQuery(r)}`).join('\n');
    const data = relations.length ? await graphql(`query($id: ID!, $after: String) { model(id: $id) { ${aliases} } }`, { id: state.id, after: null }) : null;
    relations.forEach((r, i) => {
      const connection = data.model[`g${i}`];
      ensureGroup(r, connection.totalCount);
      addPage(r, connection);
    });
  }
}

// ---- layout: ancestors above, relation columns below ------------------------------------------------------------

function place() {
  const focus = cy.getElementById(state.id);
  focus.position({ x: 0, y: 0 });
  const byDepth = new Map();
  cy.nodes('.ancestor').forEach(n => {
    const d = n.data('depth');
    byDepth.set(d, [...(byDepth.get(d) ?? []), n]);
  });
  for (const [depth, nodes] of byDepth) {
    nodes.sort((a, b) => a.id().localeCompare(b.id()));
    nodes.forEach((n, i) => n.position({ x: (i - (nodes.length - 1) / 2) * 260, y: -depth * 90 }));
  }
  const visible = [...state.groups.values()].filter(g => !state.hidden.has(g.relation));
  visible.forEach((group, k) => {
    const x = (k - (visible.length - 1) / 2) * COLUMN;
    const header = cy.getElementById(`group:${group.relation}`);
    header.position({ x, y: 100 });
    header.data('label', `${group.folded ? '▸' : '▾'} ${header.data('text')}`);
    // The column's trunk runs down from the header's left part; members hang off it to the right.
    const trunk = x - header.data('width') / 2 + 10;
    group.members.forEach((id, j) => {
      const node = cy.getElementById(id);
      if (node.hasClass('ancestor') || node.id() === state.id) return;
      // Deeper members (depth control > 1) are indented by their level below the opened model.
      node.position({ x: trunk + 36 + 18 * ((node.data('level') ?? 1) - 1), y: 100 + ROW * (j + 1) + 6 });
    });
    const more = cy.getElementById(`more:${group.relation}`);
    if (more.length) more.position({ x: trunk + 24 + more.data('width') / 2, y: 100 + ROW * (group.members.length + 1) + 6 });
    // Right-angled member edges: down the trunk, then right to the member (segment points are given relative to the
    // straight line between the two nodes' centres).
    cy.edges(`.member-edge.in-${group.relation}`).forEach(edge => {
      const s = header.position(), t = edge.target().position();
      const dx = t.x - s.x, dy = t.y - s.y, length = Math.hypot(dx, dy) || 1;
      // Two corners: just below the header at the trunk (a corner inside the header would hide the edge), and at
      // the member's height.
      const corners = [{ x: trunk, y: s.y + 16 }, { x: trunk, y: t.y }].map(c => ({ x: c.x - s.x, y: c.y - s.y }));
      edge.style({
        'segment-weights': corners.map(c => ((c.x * dx + c.y * dy) / (length * length)).toFixed(4)).join(' '),
        'segment-distances': corners.map(c => ((dx * c.y - dy * c.x) / length).toFixed(2)).join(' '),
      });
    });
  });
}

function refresh(fit = false) {
  for (const group of state.groups.values()) {
    const hidden = state.hidden.has(group.relation);
    const header = cy.getElementById(`group:${group.relation}`);
    header.union(header.connectedEdges()).union(cy.elements(`.in-${group.relation}`)).toggleClass('filtered', hidden);
    cy.elements(`.in-${group.relation}`).toggleClass('folded', group.folded);
  }
  place();
  updateTime();
  legend();
  if (fit) cy.fit(cy.elements(':visible'), 30);
}

// ---- time slider over creation dates ------------------------------------------------------------------------------

const time = document.getElementById('time');
const timeLabel = document.getElementById('time-label');

function updateTime() {
  const models = cy.nodes('[kind = "model"]');
  const months = [...new Set(models.map(n => n.data('released')?.slice(0, 7)).filter(Boolean))].sort();
  const atEnd = Number(time.value) >= Number(time.max);
  state.months = months;
  time.max = String(months.length);
  if (atEnd) time.value = time.max;
  const index = Number(time.value);
  const cutoff = index < months.length ? months[index] : null;
  let existed = 0, undated = 0;
  models.forEach(n => {
    const month = n.data('released')?.slice(0, 7);
    if (!month) undated++;
    const later = cutoff != null && (!month || month > cutoff);
    n.toggleClass('later', later);
    if (!later && month) existed++;
  });
  cy.edges().forEach(e => e.toggleClass('later', e.source().hasClass('later') || e.target().hasClass('later')));
  timeLabel.value = cutoff == null
    ? `all ${models.length} drawn (${undated} undated)`
    : `≤ ${cutoff}: ${existed} of ${models.length} drawn existed (${undated} undated faded)`;
  time.dataset.cutoff = cutoff ?? '';
}

time.addEventListener('input', () => { updateTime(); legend(); charts.markGrowth?.(time.dataset.cutoff || null); });

// ---- toolbar: relation filter, depth, export -----------------------------------------------------------------------

function relationFilter() {
  const fieldset = document.getElementById('relations');
  fieldset.querySelectorAll('label').forEach(l => l.remove());
  for (const group of state.groups.values()) {
    const item = document.createElement('label');
    item.innerHTML = `<input type="checkbox" value="${group.relation}" ${state.hidden.has(group.relation) ? '' : 'checked'}>
      <i style="display:inline-block;width:10px;height:10px;background:${COLORS[group.relation]}"></i> ${group.relation.toLowerCase().replace('_', ' ')}`;
    item.querySelector('input').addEventListener('change', event => {
      if (event.target.checked) state.hidden.delete(group.relation); else state.hidden.add(group.relation);
      refresh(true);
    });
    fieldset.append(item);
  }
}

document.getElementById('depth').addEventListener('change', async event => {
  state.depth = Number(event.target.value);
  const groups = [...state.groups.values()].map(g => ({ relation: g.relation }));
  await loadGroups(groups.length ? groups : []);
  relationFilter();
  refresh(true);
});

document.getElementById('export-png').addEventListener('click', event => {
  event.currentTarget.href = URL.createObjectURL(views.png(cy));
  event.currentTarget.download = `${state.id.replace('/', '_')}.png`;
});
document.getElementById('export-svg').addEventListener('click', event => {
  event.currentTarget.href = URL.createObjectURL(new Blob([views.svg(cy)], { type: 'image/svg+xml' }));
  event.currentTarget.download = `${state.id.replace('/', '_')}.svg`;
});

// ---- legend: only what is drawn -----------------------------------------------------------------------------------

function legend() {
  const drawn = cy.elements(':visible');
  const relations = new Set(drawn.edges().map(e => e.data('relation')).filter(Boolean));
  const items = Object.entries(COLORS).filter(([relation]) => relations.has(relation))
    .map(([relation, color]) => `<span><i style="background:${color}"></i>${relation.toLowerCase().replace('_', ' ')}</span>`);
  if (drawn.filter('.unsafe').length) items.push('<span><i style="background:#d62828;height:2px;border-top:2px dashed #d62828"></i>safety removed/degraded</span>');
  if (drawn.nodes('.unreported').length) items.push('<span><i class="ring"></i>downloads not reported (gated or unknown); otherwise size = downloads</span>');
  if (drawn.filter('.later').length) items.push('<span><i style="background:#6b7a99;opacity:.2;height:10px"></i>created after the slider’s date, or undated</span>');
  document.getElementById('legend').innerHTML = items.join('');
}

// ---- tooltips -----------------------------------------------------------------------------------------------------

cy.on('mouseover', 'node, edge', event => {
  const tip = event.target.data('tip');
  if (!tip) return;
  event.target.addClass('hover');
  tooltip.innerHTML = tip;
  tooltip.hidden = false;
  const p = event.renderedPosition ?? (event.target.isNode() ? event.target.renderedPosition() : event.target.renderedMidpoint());
  tooltip.style.left = `${Math.min(p.x + 14, cy.width() - 340)}px`;
  tooltip.style.top = `${p.y + 14 + document.getElementById('graph').offsetTop}px`;
});
cy.on('mouseout', 'node, edge', event => {
  event.target.removeClass('hover');
  tooltip.hidden = true;
});

// ---- opening a model ----------------------------------------------------------------------------------------------

const FIRST_VIEW = `query($id: ID!) { model(id: $id) {
  id name downloads likes license pipelineTag releaseDate trainingComputeFlop placeholder sources sourceUrl
  developer { id name }
  ancestors(maxDepth: 10) { depth model { ${MODEL_FIELDS} } via { ${DERIVATION} child { id } parent { id } } }
  childrenByRelation(first: ${PAGE}) { relation count children { pageInfo { hasNextPage endCursor }
    edges { node { ${DERIVATION} child { ${MODEL_FIELDS} } } } } }
} }`;

const SIDE = `query($id: ID!) {
  liabilityTrace(modelId: $id) { parties { depth organization { name } model { id } roles { jurisdiction role basis reasons } } }
  ecosystem(rootId: $id, maxDepth: 10) { totalDescendants maxDepth byRelation { relation count } byDepth { depth count }
    safety { removedOrDegraded shareOfDownloads } }
}`;

// The charts' own figures, one request each and in parallel: on a very large family one of them can pass the read
// budget, and then only that chart says so instead of the whole panel.
const CHART_FIELDS = {
  'chart-growth': 'byMonth { month count }',
  'chart-organizations': 'byOrganization(first: 8) { organization count }',
  'chart-drift': 'licenseDrift(first: 0) { byKind { kind count } flaggedCount }',
};

async function chartData(id, element) {
  const data = await graphql(`query($id: ID!) { ecosystem(rootId: $id, maxDepth: 10) { ${CHART_FIELDS[element]} } }`, { id });
  return data.ecosystem;
}

async function show(id, push = true) {
  panel.innerHTML = `<p>Loading ${escape(id)}…</p>`;
  performance.clearMarks();
  performance.mark('pedigree:start');
  try {
    const { model } = await graphql(FIRST_VIEW, { id });
    if (!model) { panel.innerHTML = `<p class="error">No model with id “${escape(id)}”.</p>`; return; }
    if (push) history.pushState({ id }, '', `/model/${id}`);
    document.title = `${model.id} — Pedigree`;
    charts.disposeAll();
    cy.elements().remove();
    state.id = model.id;
    state.hidden.clear();
    state.depth = 1;
    document.getElementById('depth').value = '1';
    time.value = time.max = '0';
    addModel(model, null, ['focus']);
    cy.getElementById(model.id).data('label', model.id);
    for (const entry of model.ancestors) {
      addModel(entry.model, entry.via.child.id, ['ancestor']).data('depth', entry.depth);
      addDerivation(`${entry.via.parent.id}→${entry.via.child.id}`, entry.via.parent.id, entry.via.child.id, entry.via,
        derivationTip(entry.via, entry.via.parent.id, entry.via.child.id));
    }
    await loadGroups(model.childrenByRelation);
    time.value = time.max = '999';
    toolbar.hidden = false;
    relationFilter();
    refresh(true);
    performance.mark('pedigree:grouped'); // the grouped first view is drawn
    const derivatives = model.childrenByRelation.reduce((sum, g) => sum + g.count, 0);
    const exports = ['cyclonedx', 'csv', 'graphml', 'mermaid']
      .map(format => `<a href="/export/${format}?model=${encodeURIComponent(model.id)}&direction=down&depth=10">${format === 'cyclonedx' ? 'CycloneDX' : format === 'csv' ? 'CSV' : format === 'graphml' ? 'GraphML' : 'Mermaid'}</a>`).join('');
    panel.innerHTML = `<h2 id="model-id">${escape(model.id)}</h2>
      <dl>
        <dt>Developer</dt><dd>${escape(model.developer?.name ?? '—')}</dd>
        <dt>Downloads</dt><dd>${model.downloads > 0 ? number(model.downloads) : model.downloads === 0 ? '0 reported (gated models report 0)' : 'not reported'}</dd>
        <dt>Licence</dt><dd>${escape(model.license ?? '—')}</dd>
        <dt>Task</dt><dd>${escape(model.pipelineTag ?? '—')}</dd>
        <dt>Released</dt><dd>${escape(model.releaseDate ?? '—')}</dd>
        <dt>Training compute</dt><dd>${model.trainingComputeFlop ? model.trainingComputeFlop.toExponential(2) + ' FLOP' : '—'}</dd>
        <dt>Ancestors</dt><dd>${model.ancestors.length}</dd>
        <dt>Derivatives</dt><dd id="derivatives">${derivatives}</dd>
        <dt>By relation</dt><dd id="groups">${model.childrenByRelation.map(g => `${number(g.count)} ${g.relation.toLowerCase()}`).join(', ') || 'none'}</dd>
        <dt>Sources</dt><dd>${escape(model.sources.join(', '))}</dd>
      </dl>
      <p class="exports">Family export (derivatives, 10 levels): ${exports}</p>
      <div id="side"><p>Loading liability trace and ecosystem…</p></div>`;
    loadSide(model.id);
  }
  catch (error) {
    panel.innerHTML = `<p class="error">${escape(error.message)}</p>`;
  }
}

async function loadSide(id) {
  const side = document.getElementById('side');
  try {
    const data = await graphql(SIDE, { id });
    if (state.id !== id) return;
    const eco = data.ecosystem;
    // Every reason of every verdict: the last one alone hid which figure a verdict rested on.
    const parties = data.liabilityTrace.parties.map(p => `<div class="role">
        <div>${escape(p.organization.name)} — <small>${escape(p.model.id)} (depth ${p.depth})</small></div>
        ${p.roles.map(r => `<div><b>${escape(r.jurisdiction)}: ${escape(r.role)}</b> <small>(${escape(r.basis.toLowerCase())})</small>
          <ul>${r.reasons.map(reason => `<li>${escape(reason)}</li>`).join('')}</ul></div>`).join('')}
      </div>`).join('');
        // The citable report of the same trace (liability issue): Markdown and PDF, with its SHA-256.
    const report = format => `/report/liability?model=${encodeURIComponent(id)}&format=${format}`;
    side.innerHTML = `<h3>Liability trace</h3>${parties || '<p>No organisation recorded upstream.</p>'}
      <p id="liability-report">Citable report: <a href="${report('md')}">Markdown</a> · <a href="${report('pdf')}">PDF</a> ·
        <a href="${report('json')}">JSON</a></p>
      <h3>Ecosystem</h3>
      <p id="ecosystem">${number(eco.totalDescendants)} descendants, ${eco.maxDepth} levels deep;
        ${eco.byRelation.map(r => `${number(r.count)} ${r.relation.toLowerCase()}`).join(', ') || 'no derivations'};
        ${eco.safety.removedOrDegraded} removed or degraded safety (${(eco.safety.shareOfDownloads * 100).toFixed(1)}% of downloads).</p>
      ${eco.totalDescendants ? `<div id="chart-growth" class="chart tall"></div><div id="chart-relations" class="chart"></div>
        <div id="chart-depth" class="chart"></div><div id="chart-organizations" class="chart tall"></div>
        <div id="chart-drift" class="chart"></div>` : ''}`;
    if (eco.totalDescendants) {
      const drawn = [
        charts.relationMix(document.getElementById('chart-relations'), eco.byRelation),
        charts.depthProfile(document.getElementById('chart-depth'), eco.byDepth),
        chartData(id, 'chart-growth').then(e => charts.growth(document.getElementById('chart-growth'), e.byMonth)),
        chartData(id, 'chart-organizations').then(e => charts.topOrganizations(document.getElementById('chart-organizations'), e.byOrganization)),
        chartData(id, 'chart-drift').then(e => charts.licenceDrift(document.getElementById('chart-drift'), e.licenseDrift.byKind, e.licenseDrift.flaggedCount)),
      ];
      const ids = ['chart-relations', 'chart-depth', 'chart-growth', 'chart-organizations', 'chart-drift'];
      (await Promise.allSettled(drawn)).forEach((result, i) => {
        if (result.status === 'rejected' && state.id === id) {
          document.getElementById(ids[i]).innerHTML = `<p class="error">${escape(ids[i].replace('chart-', ''))}: ${escape(result.reason.message)}</p>`;
        }
      });
    }
    performance.mark('pedigree:ready'); // the panel is complete: used to measure the page's load time
  }
  catch (error) {
    side.innerHTML = `<p class="error">${escape(error.message)}</p>`;
  }
}

cy.on('tap', 'node', event => {
  const node = event.target;
  const kind = node.data('kind');
  if (kind === 'more') {
    page(node.data('relation'));
  }
  else if (kind === 'group') {
    const group = state.groups.get(node.data('relation'));
    group.folded = !group.folded;
    refresh();
  }
  else if (node.id() !== state.id) {
    show(node.id());
  }
});

// ---- search -------------------------------------------------------------------------------------------------------

const input = document.getElementById('query');
const suggestions = document.getElementById('suggestions');
let timer;
let active = -1;
let dismissed = null; // the text for which the list was closed (Escape, submit): a late answer must not reopen it

/** `text` with the first case-insensitive occurrence of `match` marked, escaped. */
function highlight(text, match) {
  const at = text.toLowerCase().indexOf(match.toLowerCase());
  if (at < 0) return escape(text);
  return escape(text.slice(0, at)) + `<mark>${escape(text.slice(at, at + match.length))}</mark>` + escape(text.slice(at + match.length));
}

function closeSuggestions() {
  suggestions.hidden = true;
  input.setAttribute('aria-expanded', 'false');
  active = -1;
}

// The match is shown highlighted where it was found: in the id, else in the name or an alias (nameContains searches
// all three), so a hit through Epoch AI's name for a model says why it is there.
input.addEventListener('input', () => {
  clearTimeout(timer);
  const text = input.value.trim();
  dismissed = null;
  if (text.length < 2) { closeSuggestions(); return; }
  timer = setTimeout(async () => {
    const data = await graphql(`query($q: String!) { models(filter: { nameContains: $q }, first: 10) { edges { node { id name aliases } } } }`, { q: text });
    if (input.value.trim() !== text || dismissed === text) return;
    suggestions.innerHTML = data.models.edges.map(({ node }, i) => {
      const inId = node.id.toLowerCase().includes(text.toLowerCase());
      const other = inId ? null : [node.name, ...node.aliases].find(n => n.toLowerCase().includes(text.toLowerCase()));
      return `<li role="option" id="suggestion-${i}" data-id="${escape(node.id)}">${highlight(node.id, text)}${other ? `<small>${highlight(other, text)}</small>` : ''}</li>`;
    }).join('');
    suggestions.hidden = data.models.edges.length === 0;
    input.setAttribute('aria-expanded', String(!suggestions.hidden));
    active = -1;
  }, 200);
});
input.addEventListener('keydown', event => {
  const items = [...suggestions.querySelectorAll('li')];
  if (event.key === 'Escape') { dismissed = input.value.trim(); closeSuggestions(); return; }
  if (suggestions.hidden || !items.length || !['ArrowDown', 'ArrowUp'].includes(event.key)) return;
  event.preventDefault();
  active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
  items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
  input.value = items[active].dataset.id;
  input.setAttribute('aria-activedescendant', items[active].id);
});
suggestions.addEventListener('mousedown', event => {
  const item = event.target.closest('li');
  if (!item) return;
  event.preventDefault();
  input.value = item.dataset.id;
  closeSuggestions();
  show(item.dataset.id);
});
input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
document.getElementById('search').addEventListener('submit', async event => {
  event.preventDefault();
  const text = input.value.trim();
  dismissed = text;
  closeSuggestions();
  if (!text) return;
  try {
    const data = await graphql(`query($id: ID!, $q: String!) { model(id: $id) { id } models(filter: { nameContains: $q }, first: 1) { edges { node { id } } } }`, { id: text, q: text });
    const id = data.model?.id ?? data.models.edges[0]?.node.id;
    if (id) show(id); else panel.innerHTML = `<p class="error">No model matches “${escape(text)}”.</p>`;
  }
  catch (error) {
    panel.innerHTML = `<p class="error">${escape(error.message)}</p>`;
  }
});

window.addEventListener('popstate', event => { if (event.state?.id) show(event.state.id, false); });
const initial = decodeURIComponent(location.pathname.replace(/^\/model\//, ''));
if (location.pathname.startsWith('/model/') && initial) show(initial, false);
window.pedigree = { cy, show, page, state, views };
