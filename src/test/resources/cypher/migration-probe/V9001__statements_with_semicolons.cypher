// A script whose strings and comments hold what a naive split on ';' breaks on; // and ; in this comment too.
CREATE (:__MigrationProbe {n: 1, text: 'a; b', url: 'https://example.org/x;y'});
/* A block comment; spanning
   two lines; with "quotes' */
CREATE (:__MigrationProbe {n: 2, text: "it's; \"quoted\"; fine"}) ;
CREATE (:__MigrationProbe {n: 3, text: 'escaped \' quote; and // no comment'})
;
MATCH (p:__MigrationProbe) WHERE p.n = 3 SET p.`odd;name` = 'backticks; too';;
