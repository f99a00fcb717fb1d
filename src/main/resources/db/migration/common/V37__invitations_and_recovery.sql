-- Invitations by e-mail: the administrator names the person and their roles; the person sets their own password
-- through a single-use link whose hash alone is kept. A pending invitation gives no access.
create table invitation (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    email            varchar(254)  not null,
    display_name     varchar(120)  not null,
    roles            varchar(200)  not null,
    line_manager_id  uuid references app_user (id),
    access_until     date,
    token_hash       varchar(64)   not null,
    expires_at       timestamp with time zone not null,
    invited_by       uuid          not null references app_user (id),
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone not null,
    times_sent       integer       not null,
    accepted_at      timestamp with time zone,
    user_id          uuid references app_user (id),
    withdrawn_at     timestamp with time zone,
    version          bigint        not null
);
create unique index ux_invitation_token on invitation (token_hash);
create index ix_invitation_org_email on invitation (organisation_id, email);
create index ix_invitation_email on invitation (email);
create index ix_invitation_org_created on invitation (organisation_id, created_at);

-- A forgotten password: a single-use link valid for a short time, kept only as a hash.
create table password_reset (
    id            uuid primary key,
    user_id       uuid          not null references app_user (id),
    token_hash    varchar(64)   not null,
    client        varchar(100),
    requested_at  timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    used_at       timestamp with time zone,
    version       bigint        not null
);
create unique index ux_password_reset_token on password_reset (token_hash);
create index ix_password_reset_user on password_reset (user_id, requested_at);

-- Ten single-use codes for when the second factor's phone is lost; hashes only.
create table recovery_code (
    id          uuid primary key,
    user_id     uuid          not null references app_user (id),
    code_hash   varchar(64)   not null,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index ix_recovery_code_user on recovery_code (user_id);

-- When the account's recovery codes were last issued and one was last used, for the history of the account.
alter table app_user add column recovery_codes_issued_at timestamp with time zone;
alter table app_user add column recovery_code_used_at timestamp with time zone;
