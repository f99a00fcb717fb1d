-- History rows can be added, never changed or removed: only a superuser who disables the trigger can tamper,
-- and the hash chain shows it.
create function history_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'history_entry is append-only: % refused', tg_op;
end
$$;

create trigger history_entry_append_only
    before update or delete on history_entry
    for each row execute function history_entry_refuse_change();

create trigger history_entry_no_truncate
    before truncate on history_entry
    for each statement execute function history_entry_refuse_change();
