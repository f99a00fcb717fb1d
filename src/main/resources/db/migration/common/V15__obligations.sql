-- Legal, regulatory, contractual and standards obligations, and the changes to them.
create table obligation (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    reference         varchar(40)   not null,
    name              varchar(200)  not null,
    obligation_type   varchar(20)   not null,
    jurisdiction      varchar(100),
    source            varchar(500)  not null,
    how_it_applies    varchar(4000) not null,
    owner_id          uuid references app_user (id),
    next_review_date  date          not null,
    last_reviewed_on  date,
    last_review_note  varchar(4000),
    created_at        timestamp with time zone not null,
    version           bigint        not null,
    constraint uk_obligation_reference unique (organisation_id, reference)
);
create index ix_obligation_review on obligation (organisation_id, next_review_date);
create index ix_obligation_type on obligation (organisation_id, obligation_type);

create table obligation_change (
    id                 uuid primary key,
    organisation_id    uuid          not null references organisation (id),
    obligation_id      uuid          not null references obligation (id),
    effective_date     date          not null,
    summary            varchar(4000) not null,
    impact_assessment  varchar(4000) not null,
    recorded_by        uuid          not null references app_user (id),
    recorded_at        timestamp with time zone not null,
    version            bigint        not null
);
create index ix_obligation_change on obligation_change (obligation_id, effective_date);
