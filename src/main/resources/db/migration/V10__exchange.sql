-- Issue 17: exchange between offline bases (decision 0019).

-- The identity of this base: one row, made when the base is created (or upgraded to this
-- version). Packages name the base that made them. The name is chosen by the team (Réglages);
-- empty until then. `clock` is this base's exchange counter: every change the exchange records
-- gets the next value (see exchange_record).
create table base_identity (
    id         uuid         not null,
    name       varchar(200) not null,
    created_at timestamp with time zone not null,
    clock      bigint       not null,
    constraint pk_base_identity primary key (id)
);
insert into base_identity (id, name, created_at, clock) values (random_uuid(), '', current_timestamp, 0);

-- What the exchange knows of each record that travels: its fields as last read or written by an
-- exchange, each with its version vector (base id -> counter), as JSON. `seen_version` is the
-- record's version then (null once the record is deleted: a tombstone). `changed_seq` is this
-- base's clock when the entry last changed, so that an incremental package takes what changed
-- since the last exchange with a base.
create table exchange_record (
    id           uuid        not null,
    kind         varchar(30) not null,
    seen_version integer,
    fields       character large object not null,
    changed_seq  bigint      not null,
    constraint pk_exchange_record primary key (id)
);
create index ix_exchange_record_changed on exchange_record (changed_seq);
create index ix_exchange_record_kind on exchange_record (kind);

-- The same real-world thing created on two bases under two ids (an organisation with the same
-- SIRET, a QPV with the same code...): the other base's id, and the id it has here.
create table exchange_alias (
    foreign_id uuid        not null,
    local_id   uuid        not null,
    kind       varchar(30) not null,
    constraint pk_exchange_alias primary key (foreign_id)
);

-- The packages this base made and imported.
create table exchange_log (
    id            uuid         not null,
    direction     varchar(10)  not null,
    package_id    uuid         not null,
    package_at    timestamp with time zone not null,
    peer_id       uuid,
    peer_name     varchar(200),
    scope_kind    varchar(20)  not null,
    scope_label   varchar(300) not null,
    done_at       timestamp with time zone not null,
    clock_at      bigint       not null,
    counts        varchar(2000) not null,
    outcome       varchar(20)  not null,
    report        character large object,
    constraint pk_exchange_log primary key (id),
    constraint ck_exchange_log_direction check (direction in ('EXPORT', 'IMPORT'))
);
create index ix_exchange_log_peer on exchange_log (peer_id, direction);
