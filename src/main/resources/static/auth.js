// Reads may need a token (pedigree.security.open-reads=false). On a 401 the page asks for a reader token once, keeps
// it for this browser tab only (sessionStorage, gone when the tab closes) and sends it as a bearer token. With open
// reads nothing is asked and nothing is stored.

const KEY = 'pedigree.token';

/**
 * fetch with the tab's token, asking for one (again) when the server answers 401. Requests refused together ask once:
 * a request whose token was replaced while it waited retries with the new one instead of asking again.
 */
export async function authorizedFetch(url, options = {}) {
  let response;
  for (let attempt = 0; attempt < 4; attempt++) {
    const token = sessionStorage.getItem(KEY);
    const headers = { ...(options.headers ?? {}) };
    if (token) headers.Authorization = `Bearer ${token}`;
    response = await fetch(url, { ...options, headers });
    if (response.status !== 401) return response;
    if (sessionStorage.getItem(KEY) !== token) continue;
    sessionStorage.removeItem(KEY);
    const entered = window.prompt(token
      ? 'That token was refused. Reader token for this Pedigree:'
      : 'This Pedigree needs a token to read (pedigree.security.open-reads=false). Reader token:');
    if (!entered || !entered.trim()) break;
    sessionStorage.setItem(KEY, entered.trim());
  }
  return response;
}

/** A GraphQL request; errors (or a refused token) become one Error with the server's messages. */
export async function graphql(query, variables) {
  const response = await authorizedFetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map(e => e.message).join('; '));
  return body.data;
}

// Export and report links are plain links; when the tab holds a token they download through fetch instead, so the
// token goes with them (a link cannot carry a header).
document.addEventListener('click', async event => {
  const link = event.target.closest?.('a[href^="/export"], a[href^="/report"]');
  if (!link || !sessionStorage.getItem(KEY)) return;
  event.preventDefault();
  const response = await authorizedFetch(link.getAttribute('href'));
  if (!response.ok) {
    window.alert(`Download refused: HTTP ${response.status}`);
    return;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? '';
  const url = URL.createObjectURL(await response.blob());
  const save = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});
