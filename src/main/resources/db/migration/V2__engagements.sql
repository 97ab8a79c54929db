-- Engagements: the catalogue (categories, action types, indicators) kept as data, the engagements
-- of a convention with their yearly targets, and the counterparts of public partners.
-- Catalogue rows travel with the engagements that use them: same identity columns as other records.
-- A catalogue row that is used is deactivated, never deleted (the foreign keys refuse it).

create table engagement_category (
    id         uuid         not null,
    version    integer      not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    code       varchar(40),
    name       varchar(200) not null,
    position   integer      not null,
    active     boolean      default true not null,
    constraint pk_engagement_category primary key (id),
    constraint uq_engagement_category_code unique (code)
);

create table indicator (
    id          uuid         not null,
    version     integer      not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    category_id uuid         not null,
    code        varchar(40),
    name        varchar(200) not null,
    unit        varchar(10)  not null,
    summable    boolean      not null,
    position    integer      not null,
    active      boolean      default true not null,
    constraint pk_indicator primary key (id),
    constraint uq_indicator_code unique (code),
    constraint fk_indicator_category foreign key (category_id) references engagement_category (id),
    constraint ck_indicator_unit check (unit in ('COUNT', 'EUROS', 'HOURS', 'DAYS', 'YES_NO'))
);
create index ix_indicator_category on indicator (category_id);

create table action_type (
    id          uuid         not null,
    version     integer      not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    category_id uuid         not null,
    code        varchar(40),
    name        varchar(200) not null,
    paqte_axis  varchar(20),
    position    integer      not null,
    active      boolean      default true not null,
    constraint pk_action_type primary key (id),
    constraint uq_action_type_code unique (code),
    constraint fk_action_type_category foreign key (category_id) references engagement_category (id),
    constraint ck_action_type_axis check (paqte_axis in ('AWARENESS', 'TRAINING', 'RECRUITMENT', 'PURCHASING'))
);
create index ix_action_type_category on action_type (category_id);

-- The indicators asked on the form of an action type, in order.
create table action_type_indicator (
    action_type_id uuid    not null,
    indicator_id   uuid    not null,
    position       integer not null,
    constraint pk_action_type_indicator primary key (action_type_id, indicator_id),
    constraint fk_ati_action_type foreign key (action_type_id) references action_type (id) on delete cascade,
    constraint fk_ati_indicator foreign key (indicator_id) references indicator (id)
);

create table engagement (
    id             uuid          not null,
    version        integer       not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    convention_id  uuid          not null,
    action_type_id uuid          not null,
    description    varchar(4000),
    partner_id     uuid,
    first_year     integer       not null,
    last_year      integer       not null,
    status         varchar(20)   not null,
    constraint pk_engagement primary key (id),
    constraint fk_engagement_convention foreign key (convention_id) references convention (id) on delete cascade,
    constraint fk_engagement_action_type foreign key (action_type_id) references action_type (id),
    constraint fk_engagement_partner foreign key (partner_id) references organisation (id),
    constraint ck_engagement_years check (last_year >= first_year)
);
create index ix_engagement_convention on engagement (convention_id);
create index ix_engagement_action_type on engagement (action_type_id);

create table engagement_qpv (
    engagement_id uuid not null,
    qpv_id        uuid not null,
    constraint pk_engagement_qpv primary key (engagement_id, qpv_id),
    constraint fk_engagement_qpv_engagement foreign key (engagement_id) references engagement (id) on delete cascade,
    constraint fk_engagement_qpv_qpv foreign key (qpv_id) references qpv (id)
);

-- One target per indicator and year; counts, hours and days are whole numbers, euros have cents,
-- yes/no is 1 or 0.
create table engagement_target (
    engagement_id uuid           not null,
    indicator_id  uuid           not null,
    year_number   integer        not null,
    target_value  decimal(15, 2) not null,
    constraint pk_engagement_target primary key (engagement_id, indicator_id, year_number),
    constraint fk_target_engagement foreign key (engagement_id) references engagement (id) on delete cascade,
    constraint fk_target_indicator foreign key (indicator_id) references indicator (id),
    constraint ck_target_value check (target_value >= 0)
);
create index ix_target_indicator on engagement_target (indicator_id);

create table counterpart (
    id            uuid          not null,
    version       integer       not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    convention_id uuid          not null,
    partner_id    uuid          not null,
    engagement_id uuid,
    description   varchar(4000) not null,
    constraint pk_counterpart primary key (id),
    constraint fk_counterpart_convention foreign key (convention_id) references convention (id) on delete cascade,
    constraint fk_counterpart_partner foreign key (partner_id) references organisation (id),
    constraint fk_counterpart_engagement foreign key (engagement_id) references engagement (id) on delete set null
);
create index ix_counterpart_convention on counterpart (convention_id);

-- Seed: the catalogue of DOMAIN.md. Fixed ids, the same on every laptop, so that engagements
-- exchanged between laptops point at the same catalogue rows.
insert into engagement_category (id, version, created_at, updated_at, code, name, position, active) values ('0190a000-0000-7000-8000-000100000001', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 'EDUCATION', 'Éducation et orientation scolaire', 1, true);
insert into engagement_category (id, version, created_at, updated_at, code, name, position, active) values ('0190a000-0000-7000-8000-000100000002', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 'EMPLOYMENT', 'Emploi, insertion et formation', 2, true);
insert into engagement_category (id, version, created_at, updated_at, code, name, position, active) values ('0190a000-0000-7000-8000-000100000003', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 'ECONOMY', 'Développement économique', 3, true);
insert into engagement_category (id, version, created_at, updated_at, code, name, position, active) values ('0190a000-0000-7000-8000-000100000004', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 'LOCAL_INITIATIVES', 'Soutien aux initiatives locales', 4, true);
insert into engagement_category (id, version, created_at, updated_at, code, name, position, active) values ('0190a000-0000-7000-8000-000100000005', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 'SOLIDARITY_PATRONAGE', 'Mécénat de solidarité', 5, true);
insert into engagement_category (id, version, created_at, updated_at, code, name, position, active) values ('0190a000-0000-7000-8000-000100000006', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 'CSR', 'Développement de la RSE', 6, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000001', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'STAGES_OFFERED', 'Stages de 3e proposés', 'COUNT', true, 1, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000002', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'STAGES_FILLED', 'Stages de 3e pourvus', 'COUNT', true, 2, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000003', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'PUPILS_REACHED', 'Élèves touchés', 'COUNT', true, 3, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000004', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'INTERVENTIONS', 'Interventions', 'COUNT', true, 4, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000005', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'HIRES', 'Embauches de résidents des QPV', 'COUNT', true, 1, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000006', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'EMPLOIS_FRANCS', 'dont emplois francs', 'COUNT', true, 2, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000007', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'APPRENTICES', 'Apprentis et alternants', 'COUNT', true, 3, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000008', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'IMMERSIONS', 'Immersions (PMSMP)', 'COUNT', true, 4, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000009', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'MENTEES', 'Personnes parrainées', 'COUNT', true, 5, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000010', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'INSERTION_HOURS', 'Heures d’insertion', 'HOURS', true, 6, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000011', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000003', 'PURCHASES', 'Achats auprès des entreprises des quartiers et des SIAE', 'EUROS', true, 1, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000012', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000003', 'ENTREPRENEURS', 'Entrepreneurs accompagnés', 'COUNT', true, 2, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000013', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000003', 'JOBS_CREATED', 'Emplois créés', 'COUNT', true, 3, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000014', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000004', 'ASSOCIATIONS', 'Associations soutenues', 'COUNT', true, 1, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000015', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000004', 'VOLUNTEER_DAYS', 'Jours de bénévolat', 'DAYS', true, 2, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000016', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000004', 'EVENTS', 'Événements', 'COUNT', true, 3, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000017', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000005', 'DONATIONS', 'Dons financiers', 'EUROS', true, 1, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000018', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000005', 'IN_KIND', 'Dons en nature (valeur)', 'EUROS', true, 2, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000019', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000005', 'VOLUNTEER_HOURS', 'Heures de bénévolat des salariés', 'HOURS', true, 3, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000020', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000006', 'EMPLOYEES_TRAINED', 'Salariés formés', 'COUNT', true, 1, true);
insert into indicator (id, version, created_at, updated_at, category_id, code, name, unit, summable, position, active) values ('0190a000-0000-7000-8000-000300000021', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000006', 'LABEL', 'Label ou charte obtenu', 'YES_NO', false, 2, true);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000001', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'STAGES_3E', 'Stages de 3e pour les collégiens de REP et REP+', 'AWARENESS', 1, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000001', '0190a000-0000-7000-8000-000300000001', 1);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000001', '0190a000-0000-7000-8000-000300000002', 2);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000002', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'CLASS_TALKS', 'Interventions en classe', 'AWARENESS', 2, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000002', '0190a000-0000-7000-8000-000300000004', 1);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000002', '0190a000-0000-7000-8000-000300000003', 2);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000003', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'COMPANY_VISITS', 'Visites d’entreprise', 'AWARENESS', 3, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000003', '0190a000-0000-7000-8000-000300000004', 1);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000003', '0190a000-0000-7000-8000-000300000003', 2);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000004', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'CORDEES', 'Cordées de la réussite', 'AWARENESS', 4, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000004', '0190a000-0000-7000-8000-000300000003', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000005', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000001', 'TUTORING', 'Tutorat d’élèves', 'AWARENESS', 5, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000005', '0190a000-0000-7000-8000-000300000003', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000006', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'HIRING', 'Recrutement de résidents des QPV', 'RECRUITMENT', 1, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000006', '0190a000-0000-7000-8000-000300000005', 1);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000006', '0190a000-0000-7000-8000-000300000006', 2);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000007', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'EMPLOIS_FRANCS', 'Emplois francs', 'RECRUITMENT', 2, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000007', '0190a000-0000-7000-8000-000300000006', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000008', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'APPRENTICESHIP', 'Apprentissage et alternance', 'TRAINING', 3, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000008', '0190a000-0000-7000-8000-000300000007', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000009', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'PREPA_APPRENTISSAGE', 'Prépa-apprentissage', 'TRAINING', 4, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000009', '0190a000-0000-7000-8000-000300000007', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000010', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'IMMERSIONS', 'Immersions professionnelles (PMSMP)', 'TRAINING', 5, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000010', '0190a000-0000-7000-8000-000300000008', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000011', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'JOB_DATING', 'Job dating et forums de recrutement', 'RECRUITMENT', 6, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000011', '0190a000-0000-7000-8000-000300000005', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000012', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'MENTORING', 'Parrainage de demandeurs d’emploi', 'TRAINING', 7, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000012', '0190a000-0000-7000-8000-000300000009', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000013', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'SOCIAL_CLAUSES', 'Clauses sociales d’insertion', 'RECRUITMENT', 8, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000013', '0190a000-0000-7000-8000-000300000010', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000014', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000002', 'FAIR_HIRING', 'Recrutement non discriminatoire', 'RECRUITMENT', 9, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000014', '0190a000-0000-7000-8000-000300000005', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000015', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000003', 'INCLUSIVE_PURCHASING', 'Achats inclusifs (entreprises des QPV, SIAE)', 'PURCHASING', 1, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000015', '0190a000-0000-7000-8000-000300000011', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000016', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000003', 'SETTLING', 'Implantation ou maintien dans un QPV', 'PURCHASING', 2, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000016', '0190a000-0000-7000-8000-000300000013', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000017', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000003', 'ENTREPRENEUR_SUPPORT', 'Soutien aux entrepreneurs des quartiers (CitésLab, Bpifrance)', 'PURCHASING', 3, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000017', '0190a000-0000-7000-8000-000300000012', 1);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000017', '0190a000-0000-7000-8000-000300000013', 2);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000018', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000004', 'ASSOCIATION_SUPPORT', 'Soutien aux associations de quartier', null, 1, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000018', '0190a000-0000-7000-8000-000300000014', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000019', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000004', 'PREMISES_LOAN', 'Prêt de locaux ou de matériel', null, 2, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000019', '0190a000-0000-7000-8000-000300000014', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000020', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000004', 'SKILLS_VOLUNTEERING', 'Mécénat de compétences', null, 3, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000020', '0190a000-0000-7000-8000-000300000015', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000021', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000004', 'EVENTS', 'Événements et hackathons', null, 4, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000021', '0190a000-0000-7000-8000-000300000016', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000022', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000005', 'CASH_DONATIONS', 'Dons financiers', null, 1, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000022', '0190a000-0000-7000-8000-000300000017', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000023', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000005', 'IN_KIND_DONATIONS', 'Dons en nature', null, 2, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000023', '0190a000-0000-7000-8000-000300000018', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000024', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000005', 'EMPLOYEE_VOLUNTEERING', 'Bénévolat des salariés', null, 3, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000024', '0190a000-0000-7000-8000-000300000019', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000025', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000005', 'FOUNDATION', 'Fondation d’entreprise', null, 4, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000025', '0190a000-0000-7000-8000-000300000017', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000026', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000006', 'DIVERSITY_POLICY', 'Politique de diversité', 'RECRUITMENT', 1, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000026', '0190a000-0000-7000-8000-000300000020', 1);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000026', '0190a000-0000-7000-8000-000300000021', 2);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000027', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000006', 'ANTI_DISCRIMINATION_TRAINING', 'Formation à la non-discrimination', 'RECRUITMENT', 2, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000027', '0190a000-0000-7000-8000-000300000020', 1);
insert into action_type (id, version, created_at, updated_at, category_id, code, name, paqte_axis, position, active) values ('0190a000-0000-7000-8000-000200000028', 1, timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', '0190a000-0000-7000-8000-000100000006', 'LABELS', 'Labels et chartes (diversité, égalité)', 'RECRUITMENT', 3, true);
insert into action_type_indicator (action_type_id, indicator_id, position) values ('0190a000-0000-7000-8000-000200000028', '0190a000-0000-7000-8000-000300000021', 1);
