-- The results of a management review (clause 9.3.3): decisions with their rationale and the inputs they answer.
create table review_decision (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    review_id        uuid          not null references management_review (id),
    position         integer       not null,
    decision_type    varchar(30)   not null,
    decision         varchar(4000) not null,
    rationale        varchar(4000) not null,
    inputs           varchar(100),
    created_by       uuid          not null references app_user (id),
    created_at       timestamp with time zone not null,
    version          bigint        not null
);
create index ix_review_decision on review_decision (review_id, position);
