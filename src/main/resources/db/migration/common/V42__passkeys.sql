-- Passkeys (WebAuthn credentials) of an account: what Spring Security's relying party keeps of each (the public key,
-- the signature counter, the flags), the name the person gave it, and when it was made and last used.
create table passkey (
    id                          uuid primary key,
    credential_id               varchar(1000) not null,
    user_id                     uuid          not null references app_user (id),
    public_key                  bytea         not null,
    signature_count             bigint        not null,
    uv_initialized              boolean       not null,
    backup_eligible             boolean       not null,
    backup_state                boolean       not null,
    transports                  varchar(200),
    credential_type             varchar(40)   not null,
    attestation_object          bytea,
    attestation_client_data     bytea,
    label                       varchar(80)   not null,
    created_at                  timestamp with time zone not null,
    last_used_at                timestamp with time zone,
    version                     bigint        not null
);
create unique index ux_passkey_credential on passkey (credential_id);
create index ix_passkey_user on passkey (user_id);
