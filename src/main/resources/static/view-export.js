// Exports of what is drawn: PNG from Cytoscape's own renderer, SVG written from the drawn elements' positions and
// styles (Cytoscape has no SVG output of its own, and the extension that adds one is GPL-licensed and not a WebJar).

function escapeXml(text) {
  return String(text ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

export function png(cy) {
  return cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' });
}

export function svg(cy) {
  const visible = cy.elements(':visible');
  const box = visible.boundingBox({ includeLabels: true });
  const pad = 20;
  const parts = [];
  for (const edge of visible.edges()) {
    const points = [edge.sourceEndpoint(), ...(edge.segmentPoints() ?? []), edge.targetEndpoint()];
    const color = edge.style('line-color');
    const dashed = edge.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="${parseFloat(edge.style('width'))}"${dashed}`
      + ` opacity="${edge.style('opacity')}" points="${points.map(p => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}">`
      + `<title>${escapeXml(edge.data('tip') ?? '')}</title></polyline>`);
  }
  for (const node of visible.nodes()) {
    const { x, y } = node.position();
    const w = node.width(), h = node.height();
    const fill = node.style('background-color');
    const stroke = parseFloat(node.style('border-width')) > 0 ? ` stroke="${node.style('border-color')}" stroke-width="${parseFloat(node.style('border-width'))}"` : '';
    const dashed = node.style('border-style') === 'dashed' ? ' stroke-dasharray="3 2"' : '';
    const opacity = ` opacity="${node.style('opacity')}"`;
    parts.push(node.style('shape') === 'ellipse'
      ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(w / 2).toFixed(1)}" fill="${fill}"${stroke}${dashed}${opacity}><title>${escapeXml(node.id())}</title></circle>`
      : `<rect x="${(x - w / 2).toFixed(1)}" y="${(y - h / 2).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="4" fill="${fill}"${stroke}${opacity}><title>${escapeXml(node.id())}</title></rect>`);
    const text = node.style('label');
    if (text) {
      const halign = node.style('text-halign');
      const valign = node.style('text-valign');
      const tx = halign === 'right' ? x + w / 2 + 4 : x;
      const ty = valign === 'bottom' ? y + h / 2 + 11 : y + 3.5;
      const anchor = halign === 'right' ? 'start' : 'middle';
      parts.push(`<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" font-size="${parseFloat(node.style('font-size'))}" text-anchor="${anchor}"`
        + ` font-family="system-ui, sans-serif" fill="${node.style('color')}"${opacity}>${escapeXml(text)}</text>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${(box.x1 - pad).toFixed(0)} ${(box.y1 - pad).toFixed(0)} ${(box.w + 2 * pad).toFixed(0)} ${(box.h + 2 * pad).toFixed(0)}"`
    + ` width="${(box.w + 2 * pad).toFixed(0)}" height="${(box.h + 2 * pad).toFixed(0)}"><rect x="${(box.x1 - pad).toFixed(0)}" y="${(box.y1 - pad).toFixed(0)}" width="${(box.w + 2 * pad).toFixed(0)}" height="${(box.h + 2 * pad).toFixed(0)}" fill="#fff"/>\n`
    + parts.join('\n') + '\n</svg>\n';
}
