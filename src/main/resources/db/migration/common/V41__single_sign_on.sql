-- Single sign-on: an organisation's own OpenID Connect provider, the e-mail domains it covers (each domain belongs to
-- one organisation in the installation: the sign-in page finds the provider by it), and which provider group gives
-- which Ratchet roles.
create table sso_connection (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    display_name      varchar(80)   not null,
    issuer            varchar(500)  not null,
    client_id         varchar(200)  not null,
    client_secret     varchar(500)  not null,
    domains           varchar(2000) not null,
    groups_claim      varchar(100)  not null,
    just_in_time      boolean       not null,
    sso_only          boolean       not null,
    enabled           boolean       not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint        not null
);
create unique index ux_sso_connection_org on sso_connection (organisation_id);

create table sso_domain (
    domain           varchar(253) primary key,
    organisation_id  uuid         not null references organisation (id)
);
create index ix_sso_domain_org on sso_domain (organisation_id);

create table sso_group_role (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    group_name       varchar(200)  not null,
    roles            varchar(200)  not null,
    version          bigint        not null
);
create unique index ux_sso_group_role on sso_group_role (organisation_id, group_name);

-- The provider's subject (issuer and sub) a membership was signed in with, and the administrators who keep a password
-- when the organisation signs in by single sign-on only (break-glass).
alter table membership add column sso_subject varchar(700);
alter table membership add column break_glass boolean default false not null;
create index ix_membership_org_sso_subject on membership (organisation_id, sso_subject);
