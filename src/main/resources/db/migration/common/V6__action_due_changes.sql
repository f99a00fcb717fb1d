-- A due date that moves keeps the first one: the tracker shows how often and by how much a deadline slipped.
alter table action_item add column original_due_date date;
alter table action_item add column due_date_changes integer default 0 not null;
alter table action_item add column due_change_reason varchar(2000);
update action_item set original_due_date = due_date;
alter table action_item alter column original_due_date set not null;
