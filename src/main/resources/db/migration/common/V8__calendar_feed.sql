-- A person's calendar feed is reached with a secret token; only its SHA-256 is kept.
alter table app_user add column calendar_token_hash varchar(64);
create unique index ux_app_user_calendar_token on app_user (calendar_token_hash);
