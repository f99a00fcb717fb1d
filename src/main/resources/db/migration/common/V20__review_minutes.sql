-- Minutes of a management review: attendance, the discussion of each agenda item, the change-log entry a decision
-- to change the ISMS made, and corrections recorded as amendments once the minutes are approved and locked.
alter table management_review add column present_ids varchar(4000);
alter table management_review add column apology_ids varchar(4000);
alter table management_review add column other_attendees varchar(1000);

alter table review_decision add column change_id uuid;
alter table review_decision add column change_reference varchar(20);

create table review_agenda_item (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    review_id        uuid          not null references management_review (id),
    position         integer       not null,
    input_code       varchar(1),
    title            varchar(200)  not null,
    discussed        boolean,
    notes            varchar(4000),
    version          bigint        not null
);
create index ix_review_agenda_item on review_agenda_item (review_id, position);

create table review_amendment (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    review_id        uuid          not null references management_review (id),
    position         integer       not null,
    correction       varchar(4000) not null,
    reason           varchar(4000) not null,
    created_by       uuid          not null references app_user (id),
    created_at       timestamp with time zone not null,
    version          bigint        not null
);
create index ix_review_amendment on review_amendment (review_id, position);
