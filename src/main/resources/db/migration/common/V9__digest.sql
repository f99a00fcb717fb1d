-- The weekly digest of open actions: a person may mute it (never the escalations); each week's is sent once.
alter table app_user add column digest_muted boolean default false not null;

create table action_digest (
    user_id   uuid        not null references app_user (id),
    week      varchar(8)  not null,
    sent_at   timestamp with time zone not null,
    primary key (user_id, week)
);
