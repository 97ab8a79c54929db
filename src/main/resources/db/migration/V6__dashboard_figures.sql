-- Derived data for the dashboard (docs/decisions/0007-dashboard-figures-kept-on-write.md): the
-- targets and realised values already added up per territory, and the gaps the alerts list. Both
-- are computed from the records (convention, engagement, engagement_target, engagement_result) in
-- the transaction that changes them, never typed in, never exchanged between laptops: a laptop
-- can always rebuild them from its own records.

-- One line per scope, year, action type and indicator: the sums over the signed (or later)
-- conventions of the scope, abandoned engagements left out. Year 0 adds up all the years (what the
-- dashboard shows without a year filter).
--   scope_kind  COUNTRY     one scope, the whole base          scope_key ''
--               DEPARTMENT  the conventions of a department    scope_key <department>
--               EPCI        … of a department and an EPCI      scope_key <department>/<siren or ''>
--               QPV         … targeting a QPV                  scope_key <qpv id>/<department>/<siren or ''>
--               CONVENTION  one convention                     scope_key <convention id>/<department>/<siren or ''>
-- department_code, epci_siren, qpv_id and convention_id repeat the scope for the filters; the key
-- holds all of them, so that a convention moving to another territory changes the keys of its lines.
-- conventions: how many conventions add to the line; a line that falls to 0 is deleted.
create table dashboard_figure (
    scope_kind      varchar(12)    not null,
    scope_key       varchar(60)    not null,
    department_code varchar(3),
    epci_siren      varchar(9),
    qpv_id          uuid,
    convention_id   uuid,
    action_type_id  uuid           not null,
    indicator_id    uuid           not null,
    year_number     integer        not null,
    target_total    decimal(20, 2) not null,
    realised_total  decimal(20, 2) not null,
    conventions     integer        not null,
    constraint pk_dashboard_figure primary key (scope_kind, scope_key, year_number, action_type_id, indicator_id),
    constraint ck_dashboard_figure_kind check (scope_kind in ('COUNTRY', 'DEPARTMENT', 'EPCI', 'QPV', 'CONVENTION'))
);
-- The breakdowns one level down (departments of the country, EPCI of a department, QPV of an EPCI)
-- and the conventions behind a figure read thousands of lines of one year (or of all years): these
-- two indexes hold every column those queries use, so that H2 answers from the index alone instead
-- of fetching each line (docs/performance.md).
create index ix_dashboard_figure_department on dashboard_figure (scope_kind, year_number, department_code,
    epci_siren, convention_id, action_type_id, indicator_id, target_total, realised_total);
create index ix_dashboard_figure_epci on dashboard_figure (scope_kind, epci_siren, year_number, department_code,
    qpv_id, convention_id, action_type_id, indicator_id, target_total, realised_total);
create index ix_dashboard_figure_qpv on dashboard_figure (qpv_id, year_number);
create index ix_dashboard_figure_convention on dashboard_figure (convention_id);

-- What the alerts list beyond dates: a signed or active convention without any engagement (item_id
-- is the convention), an engagement that is not abandoned and has no target (item_id is the engagement).
create table dashboard_gap (
    gap_kind      varchar(20) not null,
    item_id       uuid        not null,
    convention_id uuid        not null,
    constraint pk_dashboard_gap primary key (gap_kind, item_id),
    constraint ck_dashboard_gap_kind check (gap_kind in ('NO_ENGAGEMENT', 'NO_TARGET'))
);
create index ix_dashboard_gap_convention on dashboard_gap (convention_id);

-- Which definition of the derived data each table was built with: the application rebuilds it
-- when it finds an older one (0: never built, as after this migration on a base with records).
create table derived_data (
    name       varchar(40) not null,
    definition integer     not null,
    built_at   timestamp with time zone,
    constraint pk_derived_data primary key (name)
);
insert into derived_data (name, definition) values ('dashboard', 0);

-- Overdue reports: the reports still awaited are few among those of all the years.
create index ix_campaign_report_state on campaign_report (state, campaign_id, convention_id);
