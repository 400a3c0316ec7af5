-- `alumni validate reopen` undoes a decision made by mistake. The decision stays in its
-- table as history, marked as withdrawn (when and by whom), and no longer counts: the
-- item is back in its queue. The withdrawal is itself an UPDATE, so audit_log records it
-- with the moderator as actor.
ALTER TABLE validation_formation
  ADD COLUMN annulee_le  timestamptz,
  ADD COLUMN annulee_par uuid REFERENCES utilisateur (id) ON DELETE SET NULL,
  ADD CONSTRAINT validation_formation_annulation CHECK (annulee_par IS NULL OR annulee_le IS NOT NULL);

ALTER TABLE validation_groupe
  ADD COLUMN annulee_le  timestamptz,
  ADD COLUMN annulee_par uuid REFERENCES utilisateur (id) ON DELETE SET NULL,
  ADD CONSTRAINT validation_groupe_annulation CHECK (annulee_par IS NULL OR annulee_le IS NOT NULL);

ALTER TABLE validation_organisation
  ADD COLUMN annulee_le  timestamptz,
  ADD COLUMN annulee_par uuid REFERENCES utilisateur (id) ON DELETE SET NULL,
  ADD CONSTRAINT validation_organisation_annulation CHECK (annulee_par IS NULL OR annulee_le IS NOT NULL);

-- The moderation history lists every queue's decisions newest first.
CREATE INDEX idx_validation_formation_date ON validation_formation (date_validation DESC);
CREATE INDEX idx_validation_groupe_date ON validation_groupe (date_validation DESC);
CREATE INDEX idx_validation_organisation_date ON validation_organisation (date_validation DESC);
