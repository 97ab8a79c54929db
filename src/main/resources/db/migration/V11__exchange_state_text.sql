-- Issue 17, performance of a first exchange (docs/performance.md): the exchange state of a record
-- (its fields with their version vectors, a few hundred to a few thousand characters) was a CLOB,
-- which H2 keeps apart from the row once past 256 characters, in three maps of its own: writing
-- the states of a package of 50,000 records was a large part of its import and of its commit. The
-- longest state (every text field at its largest, as value and as previous value) stays far below
-- the bound of a varchar.
alter table exchange_record alter column fields set data type varchar(1000000);

-- The incremental package reads the records of one kind changed after a clock value: one index
-- on both columns instead of one on each (one index entry less to write per exchanged record).
drop index ix_exchange_record_changed;
drop index ix_exchange_record_kind;
create index ix_exchange_record_kind_changed on exchange_record (kind, changed_seq);
