-- Undoes 20261202200000_user_list_order.
DROP INDEX idx_utilisateur_nom_complet_id;
