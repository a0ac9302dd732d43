// When the earliest watch was created (null without any): each watch looks only at changes from its creation on, so a
// change logged before it concerns none.
MATCH (w:__Watch)
RETURN min(w.createdAt) AS first
