// Served from the count store, in constant time: a store without retracted derivation claims needs no check of an
// import's derivations against them.
MATCH ()-[r:RETRACTED_DERIVATION]->()
RETURN count(r) AS n
