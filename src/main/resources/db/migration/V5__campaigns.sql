-- Reporting campaigns: each year the team asks every company under a signed convention for its
-- bilan, follows who was asked, reminded, who answered, and validates the figures.

create table reporting_campaign (
    id          uuid          not null,
    version     integer       not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    year_number integer       not null,
    due_date    date          not null,
    constraint pk_reporting_campaign primary key (id),
    constraint uq_reporting_campaign_year unique (year_number)
);

create table campaign_report (
    id               uuid        not null,
    version          integer     not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    campaign_id      uuid        not null,
    convention_id    uuid        not null,
    state            varchar(20) not null,
    requested_on     date,
    last_reminder_on date,
    received_on      date,
    validated_on     date,
    constraint pk_campaign_report primary key (id),
    constraint uq_campaign_report unique (campaign_id, convention_id),
    constraint fk_report_campaign foreign key (campaign_id) references reporting_campaign (id) on delete cascade,
    constraint fk_report_convention foreign key (convention_id) references convention (id) on delete cascade,
    constraint ck_report_state check (state in ('TO_REQUEST', 'REQUESTED', 'RECEIVED', 'VALIDATED'))
);
create index ix_campaign_report_convention on campaign_report (convention_id);
