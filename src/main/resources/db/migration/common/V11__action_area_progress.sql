-- An action knows the area of the record it belongs to (for the tracker's area filter) and its latest progress note.
alter table action_item add column area_id uuid references area (id);
alter table action_item add column progress_note varchar(2000);
create index ix_action_area on action_item (organisation_id, area_id);
