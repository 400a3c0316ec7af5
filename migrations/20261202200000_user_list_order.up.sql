-- Issue 17: `users list` pages by (nom_complet, id) (src/db/keyset.ts). Without an index in
-- that order every page read the whole table and sorted it (on 100,000 users, ~2,100 heap
-- pages and ~0.15 s on the embedded back end); with it, a page reads a few index pages.
CREATE INDEX idx_utilisateur_nom_complet_id ON utilisateur (nom_complet, id);
