-- Where the nodes find each other: JGroups' JDBC_PING2 discovery table, kept in the catalogue that every
-- node shares, so that a new node needs no list of the others (config/src/main/resources/imagestore-infinispan.xml).
create table if not exists jgroups (
    address varchar(200) not null primary key,
    name    varchar(200),
    cluster varchar(200) not null,
    ip      varchar(200) not null,
    coord   boolean
);
