-- The sign-in throttles' counts, shared by every instance: a token bucket per account and client, per address and per
-- account's one-time codes (tokens), and each account's failures across clients (failures), keyed by kind and value.
create table sign_in_throttle (
    throttle_key  varchar(600)      not null,
    tokens        double precision  not null,
    failures      integer           not null,
    updated_at    timestamp with time zone not null,
    constraint pk_sign_in_throttle primary key (throttle_key)
);
create index ix_sign_in_throttle_updated on sign_in_throttle (updated_at);
