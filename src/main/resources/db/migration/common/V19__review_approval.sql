-- The chair's approval of the minutes, after which the review is locked.
alter table management_review add column approved_by uuid references app_user (id);
alter table management_review add column approved_at timestamp with time zone;
