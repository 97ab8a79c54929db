-- Realised values (bilan): what a company actually did, per engagement, indicator and year, with
-- where the figure comes from. A record of its own (it may travel between laptops): the delegate
-- who visits and the coordinator who consolidates may both enter figures.

create table engagement_result (
    id             uuid           not null,
    version        integer        not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    engagement_id  uuid           not null,
    indicator_id   uuid           not null,
    year_number    integer        not null,
    realised_value decimal(15, 2) not null,
    source         varchar(20)    not null,
    received_on    date,
    comment_text   varchar(2000),
    constraint pk_engagement_result primary key (id),
    constraint uq_engagement_result unique (engagement_id, indicator_id, year_number),
    constraint fk_result_engagement foreign key (engagement_id) references engagement (id) on delete cascade,
    constraint fk_result_indicator foreign key (indicator_id) references indicator (id),
    constraint ck_result_value check (realised_value >= 0),
    constraint ck_result_source check (source in ('COMPANY_REPORT', 'PARTNER', 'DELEGATE_VISIT'))
);
create index ix_result_indicator on engagement_result (indicator_id);
