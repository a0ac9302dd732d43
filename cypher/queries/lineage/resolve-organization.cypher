// An organisation by its id or name in any case, or by any of its aliases (e.g. the Hub account "mistralai").
MATCH (o:Organization)
WHERE toLower(o.id) = toLower($id) OR toLower(coalesce(o.name, '')) = toLower($id)
   OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) = toLower($id))
RETURN o AS organization, toLower(o.id) = toLower($id) AS byId
ORDER BY byId DESC, o.id
LIMIT 2
