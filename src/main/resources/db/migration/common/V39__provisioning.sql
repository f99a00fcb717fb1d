-- SCIM 2.0 provisioning: organisation-scoped tokens (hashes only), the groups the identity provider pushes with the
-- roles an administrator gives each, and which memberships the provider manages.
create table scim_token (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    name             varchar(80)   not null,
    token_hash       varchar(64)   not null,
    prefix           varchar(16)   not null,
    created_by       uuid          not null references app_user (id),
    created_at       timestamp with time zone not null,
    last_used_at     timestamp with time zone,
    revoked_at       timestamp with time zone,
    version          bigint        not null
);
create unique index ux_scim_token_hash on scim_token (token_hash);
create index ix_scim_token_org on scim_token (organisation_id);

create table scim_group (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    display_name     varchar(200)  not null,
    external_id      varchar(200),
    roles            varchar(200)  not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint        not null
);
create index ix_scim_group_org on scim_group (organisation_id, display_name);

create table scim_group_member (
    group_id       uuid not null references scim_group (id) on delete cascade,
    membership_id  uuid not null references membership (id),
    constraint pk_scim_group_member primary key (group_id, membership_id)
);
create index ix_scim_group_member_membership on scim_group_member (membership_id);

-- The provider's id of the person, whether the provider manages the membership's roles, and a membership the provider
-- deleted (kept, without access, for the history and the person's records).
alter table membership add column external_id varchar(200);
alter table membership add column provisioned boolean default false not null;
alter table membership add column deprovisioned_at timestamp with time zone;
create index ix_membership_org_external on membership (organisation_id, external_id);

-- Per organisation: the role of a provisioned person in no group that grants one.
create table provisioning (
    organisation_id  uuid primary key references organisation (id),
    default_role     varchar(40)  not null,
    version          bigint       not null
);
