-- Issue 24: every list the pages offer is served by an index at 100,000 records.
-- The register's default order (newest first, the reference breaking ties) within the organisation, for the page and
-- its count (an index-only scan).
create index ix_improvement_register on improvement_record (organisation_id, raised_at desc, reference desc);

-- A person's open actions in due order ("My actions", the navigation's badges: all, due this week, overdue), and the
-- organisation's actions in due order ("All actions"): the status is in the index so that the open ones are found and
-- counted without reading the rows. The first replaces the index on (organisation, owner, status), its prefix.
create index ix_action_owner_due on action_item (organisation_id, owner_id, due_date, title, status);
drop index ix_action_owner_status;
create index ix_action_due on action_item (organisation_id, due_date, title, status);
