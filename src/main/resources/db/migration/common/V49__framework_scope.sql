-- Issue 23: the frameworks an organisation answers to besides ISO/IEC 27001:2022 (which is always in scope), as the
-- catalogue's framework ids in the catalogue's order. One row per organisation, written when it first chooses.
create table framework_scope (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    frameworks       varchar(2000),
    changed_at       timestamp with time zone not null,
    changed_by       uuid references app_user (id),
    version          bigint        not null,
    constraint uk_framework_scope_organisation unique (organisation_id)
);
