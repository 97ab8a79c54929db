-- Issue 17, performance of a first exchange (docs/performance.md): H2 writes an UPDATE as the
-- removal and the addition of the row in every index of its table, those whose columns did not
-- change included. Adding a thousand imported conventions to the figures updates some 90,000
-- lines above them (EPCI, departments, country, QPV), each rewritten in every index. This index
-- served the lookup of a QPV's lines, which the primary key answers as well: their key starts with
-- the QPV's id (scope_key = '<qpv id>/<department>/<siren>'; DashboardRepository.scope).
drop index if exists ix_dashboard_figure_qpv;
