-- Issue 24: the register's text search (any part of the reference, title or description, as typed) is served by
-- trigram indexes on PostgreSQL, so that it stops reading the whole register. The query is the one H2 runs too
-- (lower(column) like '%text%'), so both databases find the same records.
-- pg_trgm ships with PostgreSQL and is a trusted extension (the database's owner may create it). Where it cannot be
-- created, the search keeps working without the indexes, as before. The operator class is named with its schema:
-- the extension may have been created in another schema of the database, one not on this search path.
do $$
begin
  create extension if not exists pg_trgm;
exception when insufficient_privilege then
  raise notice 'pg_trgm could not be created here: the register''s text search reads the register without an index';
end $$;

do $$
declare
  ops text;
begin
  select quote_ident(n.nspname) || '.gin_trgm_ops' into ops
    from pg_opclass c join pg_namespace n on n.oid = c.opcnamespace join pg_am m on m.oid = c.opcmethod
    where c.opcname = 'gin_trgm_ops' and m.amname = 'gin'
    limit 1;
  if ops is not null then
    execute 'create index ix_improvement_title_trgm on improvement_record using gin (lower(title) ' || ops || ')';
    execute 'create index ix_improvement_description_trgm on improvement_record using gin (lower(description) ' || ops || ')';
    execute 'create index ix_improvement_reference_trgm on improvement_record using gin (lower(reference) ' || ops || ')';
  end if;
end $$;
