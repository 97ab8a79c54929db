-- Issue 18: the columns of a team's spreadsheet mapped to fields, saved by name for the next file
-- of the same shape. A setting of this base: it does not travel in exchange packages. A column is
-- known by its header (compared as the import compares headers: no case, no accent), so that a
-- file whose columns moved is still read.
create table import_mapping (
    kind        varchar(30)   not null,
    name        varchar(100)  not null,
    columns     varchar(8000) not null,
    updated_at  timestamp with time zone not null,
    constraint pk_import_mapping primary key (kind, name)
);
