-- Browsers that signed in to an account before: a sign-in from one is not held up when strangers have been guessing
-- the account's password elsewhere. Only a hash of the cookie's random token is kept.
create table known_device (
    token_hash    varchar(64)   primary key,
    user_id       uuid          not null references app_user (id),
    created_at    timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null
);
create index ix_known_device_user on known_device (user_id);
