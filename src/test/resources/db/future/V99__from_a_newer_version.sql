-- What a newer Ancrage would have applied.
create table from_a_newer_version (id int primary key);
