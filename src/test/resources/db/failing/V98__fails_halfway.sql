-- A migration that fails after its first statement: H2 commits DDL statement by statement, so the
-- table below stays unless the copy made before the migration is put back.
create table made_by_a_failed_migration (id int primary key);
alter table no_such_table add column x int;
