-- The letterhead of the team's documents (issue 16): the issuing authority (« Préfet du Doubs »),
-- its service, address, « affaire suivie par », contact, the place documents are made at, and the
-- team's own logo (none is shipped: the team supplies the one it has the right to use). One row per
-- base; it carries an id, a version and an update time like every record that may travel.

create table letterhead (
    id               uuid          not null,
    version          integer       not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    authority        varchar(200)  not null,
    service          varchar(300),
    address          varchar(300),
    followed_by      varchar(200),
    contact          varchar(300),
    place            varchar(100),
    logo             varbinary(1000000),
    logo_description varchar(200),
    constraint pk_letterhead primary key (id)
);
