-- Issue 23: NIS2 / DORA incident reporting. An action may have a deadline to the minute (a report due 24 hours after
-- the organisation became aware of an incident), escalated as soon as it passes rather than days after its due date.
alter table action_item add column due_at timestamp with time zone;

-- How an incident was classified under NIS2 (significant) and DORA (major, with the criteria met), and from when its
-- reporting deadlines run.
alter table incident add column aware_at timestamp with time zone;
alter table incident add column nis2_significant boolean default false not null;
alter table incident add column dora_major boolean default false not null;
alter table incident add column dora_criteria varchar(400);
alter table incident add column classified_at timestamp with time zone;
alter table incident add column classified_by uuid references app_user (id);

-- Each report owed to an authority: its deadline, the action that tracks it, and when it was sent.
create table incident_report (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    incident_id      uuid          not null references incident (id),
    regime           varchar(10)   not null,
    stage            varchar(30)   not null,
    position         integer       not null,
    due_at           timestamp with time zone not null,
    action_id        uuid references action_item (id),
    sent_at          timestamp with time zone,
    sent_by          uuid references app_user (id),
    sent_note        varchar(2000),
    version          bigint        not null,
    constraint uk_incident_report_stage unique (incident_id, regime, stage)
);
create index ix_incident_report_organisation on incident_report (organisation_id, incident_id);
