-- Ancrage foundation schema.
-- Portable DDL (H2 2.x and PostgreSQL): no AUTO_INCREMENT, no MERGE, no vendor functions.
-- Records that may travel between laptops carry a time-ordered UUID key, a version (optimistic
-- locking) and created/updated times. Territory references (region, department, EPCI, commune) are
-- national reference data keyed by their official codes and do not travel.

create table reference_metadata (
    meta_key   varchar(100) not null,
    meta_value varchar(500) not null,
    constraint pk_reference_metadata primary key (meta_key)
);

create table region (
    code varchar(3)   not null,
    name varchar(200) not null,
    constraint pk_region primary key (code)
);

create table department (
    code        varchar(3)   not null,
    name        varchar(200) not null,
    region_code varchar(3)   not null,
    constraint pk_department primary key (code),
    constraint fk_department_region foreign key (region_code) references region (code)
);

create table epci (
    siren           varchar(9)   not null,
    name            varchar(300) not null,
    nature          varchar(10)  not null,
    department_code varchar(3)   not null,
    population      integer,
    constraint pk_epci primary key (siren),
    constraint fk_epci_department foreign key (department_code) references department (code)
);
create index ix_epci_department on epci (department_code);

create table commune (
    code            varchar(5)   not null,
    name            varchar(200) not null,
    department_code varchar(3)   not null,
    epci_siren      varchar(9),
    postcodes       varchar(200),
    population      integer,
    constraint pk_commune primary key (code),
    constraint fk_commune_department foreign key (department_code) references department (code),
    constraint fk_commune_epci foreign key (epci_siren) references epci (siren)
);
create index ix_commune_department on commune (department_code);
create index ix_commune_epci on commune (epci_siren);

create table qpv (
    id                uuid         not null,
    version           integer      not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    code              varchar(8)   not null,
    name              varchar(300) not null,
    geography_version varchar(4)   not null,
    department_code   varchar(3)   not null,
    epci_siren        varchar(9),
    commune_codes     varchar(500),
    constraint pk_qpv primary key (id),
    constraint uq_qpv_code unique (code),
    constraint fk_qpv_department foreign key (department_code) references department (code),
    constraint fk_qpv_epci foreign key (epci_siren) references epci (siren)
);
create index ix_qpv_epci on qpv (epci_siren);

create table organisation (
    id              uuid         not null,
    version         integer      not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    kind            varchar(40)  not null,
    legal_name      varchar(300) not null,
    siren           varchar(9),
    siret           varchar(14),
    naf_code        varchar(6),
    size_band       varchar(10),
    address_line    varchar(300),
    postcode        varchar(5),
    commune_code    varchar(5),
    in_qpv          boolean      default false not null,
    paqte_member    boolean      default false not null,
    networks        varchar(500),
    notes           varchar(4000),
    constraint pk_organisation primary key (id),
    constraint fk_organisation_commune foreign key (commune_code) references commune (code)
);
create index ix_organisation_siret on organisation (siret);
create index ix_organisation_siren on organisation (siren);
create index ix_organisation_commune on organisation (commune_code);

create table contact (
    id              uuid         not null,
    version         integer      not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    organisation_id uuid         not null,
    first_name      varchar(100),
    last_name       varchar(100) not null,
    job_title       varchar(200),
    email           varchar(254),
    phone           varchar(30),
    may_sign        boolean      default false not null,
    constraint pk_contact primary key (id),
    constraint fk_contact_organisation foreign key (organisation_id) references organisation (id) on delete cascade
);
create index ix_contact_organisation on contact (organisation_id);

-- Reference numbers are generated per department and year: <dept>-<year>-<nnn>.
create table convention_sequence (
    department_code varchar(3) not null,
    year_number     integer    not null,
    last_number     integer    not null,
    constraint pk_convention_sequence primary key (department_code, year_number)
);

create table convention (
    id              uuid         not null,
    version         integer      not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    reference       varchar(30)  not null,
    title           varchar(300),
    company_id      uuid         not null,
    framework       varchar(30)  not null,
    department_code varchar(3)   not null,
    epci_siren      varchar(9),
    state_referent  varchar(200),
    status          varchar(30)  not null,
    signature_date  date,
    start_date      date,
    end_date        date,
    notes           varchar(4000),
    constraint pk_convention primary key (id),
    constraint uq_convention_reference unique (reference),
    constraint fk_convention_company foreign key (company_id) references organisation (id),
    constraint fk_convention_department foreign key (department_code) references department (code),
    constraint fk_convention_epci foreign key (epci_siren) references epci (siren)
);
create index ix_convention_company on convention (company_id);
create index ix_convention_epci on convention (epci_siren);
create index ix_convention_status on convention (status);

create table convention_qpv (
    convention_id uuid not null,
    qpv_id        uuid not null,
    constraint pk_convention_qpv primary key (convention_id, qpv_id),
    constraint fk_convention_qpv_convention foreign key (convention_id) references convention (id) on delete cascade,
    constraint fk_convention_qpv_qpv foreign key (qpv_id) references qpv (id)
);

create table convention_signatory (
    id              uuid         not null,
    version         integer      not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    convention_id   uuid         not null,
    position        integer      not null,
    role            varchar(30)  not null,
    full_name       varchar(200) not null,
    job_title       varchar(200),
    organisation_id uuid,
    contact_id      uuid,
    constraint pk_convention_signatory primary key (id),
    constraint fk_signatory_convention foreign key (convention_id) references convention (id) on delete cascade,
    constraint fk_signatory_organisation foreign key (organisation_id) references organisation (id),
    constraint fk_signatory_contact foreign key (contact_id) references contact (id) on delete set null
);
create index ix_signatory_convention on convention_signatory (convention_id);
