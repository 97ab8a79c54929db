-- Indexes called for by the dashboard benchmark (docs/performance.md), on the national dataset.
-- Territory filters of the dashboard: conventions of a department (the EPCI one exists since V1),
-- conventions targeting a QPV (the primary key of convention_qpv starts with the convention).
create index ix_convention_department on convention (department_code, status);
create index ix_convention_qpv_qpv on convention_qpv (qpv_id);
-- Alerts: signed or active conventions ending within 30 or 90 days.
create index ix_convention_status_end on convention (status, end_date);
