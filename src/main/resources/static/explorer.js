// Pedigree lineage explorer: a plain ES module over the same GraphQL API every client uses.
import cytoscape from '/webjars/cytoscape/dist/cytoscape.esm.min.mjs';

const COLORS = { FINETUNE: '#2f6fde', ADAPTER: '#1c9c6b', QUANTIZED: '#8a8f9c', MERGE: '#c27c0e',
  DISTILLATION: '#8e44ad', CONTINUED_PRETRAINING: '#0e8fa8', SAFETY_REMOVAL: '#d62828', OTHER: '#555' };
const PAGE = 25; // derivatives drawn per expansion; the rest behind "more"

const panel = document.getElementById('panel');
const cy = cytoscape({
  container: document.getElementById('graph'),
  style: [
    { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': 120,
      width: 'data(size)', height: 'data(size)', 'background-color': '#6b7a99', 'text-valign': 'bottom', 'text-margin-y': 2 } },
    { selector: 'node.focus', style: { 'background-color': '#1d2330', 'border-width': 3, 'border-color': '#f2b705' } },
    { selector: 'node.more', style: { shape: 'round-rectangle', 'background-color': '#e3e6ee', width: 90, height: 18,
      label: 'data(label)', 'text-valign': 'center', 'text-margin-y': 0 } },
    { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'line-color': 'data(color)', 'target-arrow-color': 'data(color)' } },
    { selector: 'edge.unsafe', style: { 'line-style': 'dashed', 'line-color': '#d62828', 'target-arrow-color': '#d62828', width: 2.5 } },
  ],
});

async function graphql(query, variables) {
  const response = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map(e => e.message).join('; '));
  return body.data;
}

const size = downloads => 14 + Math.min(40, Math.log10((downloads || 0) + 1) * 6);

function addModel(model) {
  if (!cy.getElementById(model.id).length) {
    cy.add({ group: 'nodes', data: { id: model.id, label: model.id, size: size(model.downloads) } });
  }
}

function addEdge(parentId, childId, via) {
  const id = `${parentId}→${childId}`;
  if (cy.getElementById(id).length) return;
  const unsafe = via.safetyEffect === 'REMOVED' || via.safetyEffect === 'DEGRADED';
  cy.add({ group: 'edges', classes: unsafe ? 'unsafe' : '', data: { id, source: parentId, target: childId,
    color: COLORS[via.relation] || '#555', relation: via.relation } });
}

function layout() {
  cy.layout({ name: 'breadthfirst', directed: true, spacingFactor: 1.1, avoidOverlap: true,
    roots: cy.nodes().filter(n => n.indegree(false) === 0) }).run();
}

const MODEL = `query($id: ID!) { model(id: $id) {
  id name downloads likes license pipelineTag releaseDate trainingComputeFlop placeholder sources sourceUrl
  developer { id name }
  ancestors(maxDepth: 10) { depth model { id downloads } via { relation safetyEffect child { id } parent { id } } }
} }`;
const CHILDREN = `query($id: ID!, $after: String) { model(id: $id) { descendants(maxDepth: 1, first: ${PAGE}, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { model { id downloads } via { relation safetyEffect } } } } } }`;
const SIDE = `query($id: ID!) {
  liabilityTrace(modelId: $id) { parties { depth organization { name } model { id } roles { jurisdiction role reasons } } }
  ecosystem(rootId: $id, maxDepth: 10) { totalDescendants maxDepth byRelation { relation count } safety { removedOrDegraded shareOfDownloads } }
}`;

async function expand(id, after) {
  const data = await graphql(CHILDREN, { id, after });
  const page = data.model.descendants;
  cy.remove(cy.getElementById(`more:${id}`));
  for (const edge of page.edges) {
    addModel(edge.node.model);
    addEdge(id, edge.node.model.id, edge.node.via);
  }
  const shown = cy.getElementById(id).outgoers('node').filter(n => !n.hasClass('more')).length;
  if (page.pageInfo.hasNextPage) {
    cy.add({ group: 'nodes', classes: 'more', data: { id: `more:${id}`, label: `and ${page.totalCount - shown} more`,
      parent: undefined, owner: id, cursor: page.pageInfo.endCursor, size: 18 } });
    cy.add({ group: 'edges', data: { id: `more-edge:${id}`, source: id, target: `more:${id}`, color: '#bbb' } });
  }
  layout();
  return page;
}

function escape(text) {
  return String(text ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

async function show(id, push = true) {
  panel.innerHTML = `<p>Loading ${escape(id)}…</p>`;
  try {
    const { model } = await graphql(MODEL, { id });
    if (!model) { panel.innerHTML = `<p class="error">No model with id “${escape(id)}”.</p>`; return; }
    if (push) history.pushState({ id }, '', `/model/${id}`);
    document.title = `${model.id} — Pedigree`;
    cy.elements().remove();
    addModel(model);
    for (const entry of model.ancestors) {
      addModel(entry.model);
      addEdge(entry.via.parent.id, entry.via.child.id, entry.via);
    }
    cy.getElementById(model.id).addClass('focus');
    const page = await expand(model.id);
    panel.innerHTML = `<h2 id="model-id">${escape(model.id)}</h2>
      <dl>
        <dt>Developer</dt><dd>${escape(model.developer?.name ?? '—')}</dd>
        <dt>Downloads</dt><dd>${escape(model.downloads ?? '—')}</dd>
        <dt>Licence</dt><dd>${escape(model.license ?? '—')}</dd>
        <dt>Task</dt><dd>${escape(model.pipelineTag ?? '—')}</dd>
        <dt>Released</dt><dd>${escape(model.releaseDate ?? '—')}</dd>
        <dt>Training compute</dt><dd>${model.trainingComputeFlop ? model.trainingComputeFlop.toExponential(2) + ' FLOP' : '—'}</dd>
        <dt>Ancestors</dt><dd>${model.ancestors.length}</dd>
        <dt>Derivatives</dt><dd id="derivatives">${page.totalCount}</dd>
        <dt>Sources</dt><dd>${escape(model.sources.join(', '))}</dd>
      </dl>
      <button id="expand">Expand derivatives</button>
      <div id="side"><p>Loading liability trace and ecosystem…</p></div>`;
    document.getElementById('expand').onclick = () => expandMore(model.id);
    loadSide(model.id);
  }
  catch (error) {
    panel.innerHTML = `<p class="error">${escape(error.message)}</p>`;
  }
}

async function expandMore(id) {
  const more = cy.getElementById(`more:${id}`);
  await expand(id, more.length ? more.data('cursor') : null);
}

async function loadSide(id) {
  const side = document.getElementById('side');
  try {
    const data = await graphql(SIDE, { id });
    const eco = data.ecosystem;
    const parties = data.liabilityTrace.parties.map(p => `<div class="role">
        <div>${escape(p.organization.name)} — <small>${escape(p.model.id)} (depth ${p.depth})</small></div>
        ${p.roles.map(r => `<div><b>${escape(r.jurisdiction)}: ${escape(r.role)}</b> <small>${escape(r.reasons[r.reasons.length - 1] ?? '')}</small></div>`).join('')}
      </div>`).join('');
    side.innerHTML = `<h3>Liability trace</h3>${parties || '<p>No organisation recorded upstream.</p>'}
      <h3>Ecosystem</h3>
      <p id="ecosystem">${eco.totalDescendants} descendants, ${eco.maxDepth} levels deep;
        ${eco.byRelation.map(r => `${r.count} ${r.relation.toLowerCase()}`).join(', ') || 'no derivations'};
        ${eco.safety.removedOrDegraded} removed or degraded safety (${(eco.safety.shareOfDownloads * 100).toFixed(1)}% of downloads).</p>`;
    performance.mark('pedigree:ready'); // the panel is complete: used to measure the page's load time
  }
  catch (error) {
    side.innerHTML = `<p class="error">${escape(error.message)}</p>`;
  }
}

cy.on('tap', 'node', event => {
  const node = event.target;
  if (node.hasClass('more')) {
    expand(node.data('owner'), node.data('cursor'));
  }
  else if (node.hasClass('focus')) {
    expandMore(node.id());
  }
  else {
    show(node.id());
  }
});

const input = document.getElementById('query');
const suggestions = document.getElementById('suggestions');
let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  const text = input.value.trim();
  if (text.length < 2) return;
  timer = setTimeout(async () => {
    const data = await graphql(`query($q: String!) { models(filter: { nameContains: $q }, first: 10) { edges { node { id } } } }`, { q: text });
    suggestions.innerHTML = data.models.edges.map(e => `<option value="${escape(e.node.id)}">`).join('');
  }, 200);
});
document.getElementById('search').addEventListener('submit', async event => {
  event.preventDefault();
  const text = input.value.trim();
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

document.getElementById('legend').innerHTML = Object.entries(COLORS)
  .map(([relation, color]) => `<span><i style="background:${color}"></i>${relation.toLowerCase()}</span>`).join('')
  + '<span><i style="background:#d62828;height:2px;border-top:2px dashed #d62828"></i>safety removed/degraded</span>';

window.addEventListener('popstate', event => { if (event.state?.id) show(event.state.id, false); });
const initial = decodeURIComponent(location.pathname.replace(/^\/model\//, ''));
if (location.pathname.startsWith('/model/') && initial) show(initial, false);
window.pedigree = { cy, show, expandMore };
