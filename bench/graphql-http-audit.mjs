// The graphql-http server audit (the GraphQL-over-HTTP spec's MUST/SHOULD/MAY cases) against a running Pedigree:
//   npm install graphql-http graphql && node bench/graphql-http-audit.mjs http://localhost:8080/graphql
// Prints every case with its status (ok, notice = a MAY not taken, warn = a SHOULD, error = a MUST) and a summary.
import { auditServer } from 'graphql-http';
const url = process.argv[2];
const results = await auditServer({ url });
const by = {};
for (const r of results) (by[r.status] ??= []).push(r);
for (const [status, list] of Object.entries(by)) {
  for (const r of list) {
    console.log(`${status.toUpperCase().padEnd(6)} ${r.name}${status === 'ok' ? '' : ' -- ' + (r.reason ?? '')}`);
  }
}
console.log('\n' + Object.entries(by).map(([s, l]) => `${l.length} ${s}`).join(', ') + ` of ${results.length}`);
