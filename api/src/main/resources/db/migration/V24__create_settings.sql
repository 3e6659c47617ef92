-- The site's settings that admins change over the API (org.bantin.settings): one row of typed
-- columns, its key always true so that a second row cannot exist. Null or absent means the
-- default; updated_at and updated_by stay null until an admin first changes a setting.
CREATE TABLE settings (
    id                      boolean      PRIMARY KEY DEFAULT true CHECK (id),
    -- Revisions older than this many days are pruned (but published ones and each content's
    -- newest); null keeps every revision.
    revision_retention_days int          CHECK (revision_retention_days BETWEEN 1 AND 36500),
    webhook_private_targets boolean      NOT NULL DEFAULT false,
    version                 int          NOT NULL DEFAULT 0,
    updated_at              timestamptz,
    updated_by              varchar(120)
);

INSERT INTO settings DEFAULT VALUES;

-- Categories whose articles need a second approval before publishing. Kept by id, so that a
-- category's new slug follows; a deleted category leaves the list (a category can only be deleted
-- once no article is in it, so no article loses its second approval).
CREATE TABLE settings_second_approval_categories (
    settings_id boolean NOT NULL DEFAULT true REFERENCES settings (id),
    category_id bigint  NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    PRIMARY KEY (settings_id, category_id)
);

-- A revision that went live: pruning keeps it whatever its age (Revisions.markPublished).
ALTER TABLE revisions ADD COLUMN published boolean NOT NULL DEFAULT false;

-- What pruning looks for: old revisions that never went live.
CREATE INDEX revisions_prunable_idx ON revisions (created_at) WHERE NOT published;
