-- A policy's periodic review recorded without a new version: when, by whom, what was concluded.
alter table policy add column last_reviewed_at timestamp with time zone;
alter table policy add column last_reviewed_by uuid references app_user (id);
alter table policy add column last_review_note varchar(2000);
