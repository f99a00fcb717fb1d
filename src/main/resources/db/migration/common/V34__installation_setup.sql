-- The installation is set up once: the first-run set-up inserts this one row (id 1) before it creates anything, so two
-- set-ups sent to two instances at the same moment create one organisation and one first administrator. An
-- installation that already has accounts is set up already.
create table installation_setup (
    id         integer primary key check (id = 1),
    set_up_at  timestamp with time zone not null
);
insert into installation_setup (id, set_up_at) select 1, min(created_at) from app_user having count(*) > 0;
