-- A one-time code signs in once: the time step of the last code accepted for the account; a code of that step or an
-- earlier one is refused (RFC 6238 section 5.2, ASVS 6.6).
alter table app_user add column totp_last_step bigint;
