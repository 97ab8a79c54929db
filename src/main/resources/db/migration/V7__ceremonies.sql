-- Signing ceremonies: the prefecture gathers companies to sign their conventions in public.
-- A ceremony lists the conventions to sign in signing order, its programme, its preparation tasks;
-- each signatory of those conventions is invited, confirms, declines or is present. Closing the
-- ceremony signs, on its date, the conventions whose signatories were all present.

create table ceremony (
    id            uuid          not null,
    version       integer       not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    title         varchar(300)  not null,
    ceremony_date date          not null,
    start_time    time,
    place         varchar(300),
    host          varchar(200),
    partners      varchar(1000),
    press         varchar(1000),
    notes         varchar(4000),
    closed_on     date,
    constraint pk_ceremony primary key (id)
);
create index ix_ceremony_date on ceremony (ceremony_date);

-- The conventions to sign, in signing order; signed tells what closing did (reopening undoes it).
create table ceremony_convention (
    id            uuid    not null,
    version       integer not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    ceremony_id   uuid    not null,
    convention_id uuid    not null,
    position      integer not null,
    signed        boolean default false not null,
    constraint pk_ceremony_convention primary key (id),
    constraint uq_ceremony_convention unique (ceremony_id, convention_id),
    constraint fk_ceremony_convention_ceremony foreign key (ceremony_id) references ceremony (id) on delete cascade,
    constraint fk_ceremony_convention_convention foreign key (convention_id) references convention (id) on delete cascade
);
create index ix_ceremony_convention_convention on ceremony_convention (convention_id);

-- Where a signatory stands for a ceremony; a signatory without a row is invited.
create table ceremony_attendance (
    id           uuid        not null,
    version      integer     not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    ceremony_id  uuid        not null,
    signatory_id uuid        not null,
    attendance   varchar(20) not null,
    constraint pk_ceremony_attendance primary key (id),
    constraint uq_ceremony_attendance unique (ceremony_id, signatory_id),
    constraint fk_attendance_ceremony foreign key (ceremony_id) references ceremony (id) on delete cascade,
    constraint fk_attendance_signatory foreign key (signatory_id) references convention_signatory (id) on delete cascade,
    constraint ck_attendance check (attendance in ('INVITED', 'CONFIRMED', 'DECLINED', 'PRESENT'))
);
create index ix_ceremony_attendance_signatory on ceremony_attendance (signatory_id);

create table ceremony_programme_item (
    id            uuid         not null,
    version       integer      not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    ceremony_id   uuid         not null,
    position      integer      not null,
    start_time    time,
    speaker       varchar(200),
    speaker_title varchar(200),
    subject       varchar(300) not null,
    constraint pk_ceremony_programme_item primary key (id),
    constraint fk_programme_ceremony foreign key (ceremony_id) references ceremony (id) on delete cascade
);
create index ix_programme_ceremony on ceremony_programme_item (ceremony_id);

create table ceremony_task (
    id          uuid         not null,
    version     integer      not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    ceremony_id uuid         not null,
    position    integer      not null,
    label       varchar(300) not null,
    owner       varchar(200),
    due_date    date,
    done        boolean      default false not null,
    constraint pk_ceremony_task primary key (id),
    constraint fk_task_ceremony foreign key (ceremony_id) references ceremony (id) on delete cascade
);
create index ix_task_ceremony on ceremony_task (ceremony_id);

-- The checklist a new ceremony starts with; the team edits it. Due dates count back from the day.
create table ceremony_task_template (
    id          uuid         not null,
    version     integer      not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    position    integer      not null,
    label       varchar(300) not null,
    owner       varchar(200),
    days_before integer,
    constraint pk_ceremony_task_template primary key (id)
);

insert into ceremony_task_template (id, version, created_at, updated_at, position, label, owner, days_before) values ('0190a000-0000-7000-8000-000600000001', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 1, 'Date et lieu arrêtés avec le cabinet du préfet', 'Équipe projet', 60);
insert into ceremony_task_template (id, version, created_at, updated_at, position, label, owner, days_before) values ('0190a000-0000-7000-8000-000600000002', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 2, 'Salle réservée', 'Secrétariat général', 45);
insert into ceremony_task_template (id, version, created_at, updated_at, position, label, owner, days_before) values ('0190a000-0000-7000-8000-000600000003', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 3, 'Invitations envoyées aux entreprises et aux partenaires', 'Équipe projet', 30);
insert into ceremony_task_template (id, version, created_at, updated_at, position, label, owner, days_before) values ('0190a000-0000-7000-8000-000600000004', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 4, 'Signataires relancés et présences confirmées', 'Délégués du préfet', 10);
insert into ceremony_task_template (id, version, created_at, updated_at, position, label, owner, days_before) values ('0190a000-0000-7000-8000-000600000005', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 5, 'Programme et discours validés par le cabinet', 'Cabinet du préfet', 7);
insert into ceremony_task_template (id, version, created_at, updated_at, position, label, owner, days_before) values ('0190a000-0000-7000-8000-000600000006', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 6, 'Presse informée (communiqué et liste des signataires)', 'Service communication', 5);
insert into ceremony_task_template (id, version, created_at, updated_at, position, label, owner, days_before) values ('0190a000-0000-7000-8000-000600000007', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 7, 'Conventions imprimées en autant d''originaux que de signataires', 'Équipe projet', 2);
insert into ceremony_task_template (id, version, created_at, updated_at, position, label, owner, days_before) values ('0190a000-0000-7000-8000-000600000008', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 8, 'Chevalets et dossier de cérémonie imprimés', 'Équipe projet', 1);
