// Labels that show the distinguishing part of a model id. Siblings often share a long stem with their parent
// ("mistralai/Mistral-Small-24B-Instruct-2501-abliterated" under "mistralai/Mistral-Small-24B-Base-2501"), and cutting
// the end off every label left several reading "mistralai/Mistral-Small-24B-…". So: the account is kept when it
// differs from the parent's, the stem shared with the parent's name is elided, and what is still too long loses its
// middle, never its end.

const MAX = 30;

const SEPARATOR = /[-_.\s]/;

function shared(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i].toLowerCase() === b[i].toLowerCase()) i++;
  // Cut at a word boundary: "Mistral-Small-24B-Instruct" under "Mistral-Small-24B-Base" reads "…Instruct", not
  // "…nstruct".
  if (i < a.length && !SEPARATOR.test(a[i]) && i > 0 && !SEPARATOR.test(a[i - 1])) {
    while (i > 0 && !SEPARATOR.test(a[i - 1])) i--;
  }
  return i;
}

function middle(text, max) {
  if (text.length <= max) return text;
  const tail = Math.ceil((max - 1) * 0.6);
  return text.slice(0, max - 1 - tail) + '…' + text.slice(text.length - tail);
}

/** The label of `id` drawn beside `contextId` (its parent or the opened model); the full id is in the tooltip. */
export function label(id, contextId) {
  const [account, ...rest] = id.split('/');
  const name = rest.length ? rest.join('/') : account;
  const owner = rest.length ? account : '';
  if (!contextId || contextId === id) return middle(id, MAX + 14);
  // Short ids are shown whole (without the account when it is the parent's).
  const [contextAccount, ...contextRest] = contextId.split('/');
  const contextName = contextRest.length ? contextRest.join('/') : contextAccount;
  const prefix = owner && owner.toLowerCase() !== contextAccount.toLowerCase() ? owner + '/' : '';
  if (prefix.length + name.length <= MAX) return prefix + name;
  // An adapter named after its base ("google-gemma-7b-1718089473" under "gemma-7b") is told apart by the rest.
  const at = contextName.length >= 6 ? name.toLowerCase().indexOf(contextName.toLowerCase()) : -1;
  if (at > 0) {
    const rest = name.slice(0, at) + '…' + name.slice(at + contextName.length);
    return prefix.length + rest.length <= MAX ? prefix + rest : middle(prefix, 14) + middle(rest, MAX - Math.min(prefix.length, 14));
  }
  const common = shared(name, contextName);
  let shown = common >= 6 && name.length - common >= 2 ? '…' + name.slice(common) : name;
  shown = prefix.length + shown.length > MAX ? middle(prefix, 14) + middle(shown, MAX - Math.min(prefix.length, 14)) : prefix + shown;
  return shown;
}
