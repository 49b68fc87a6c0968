-- Every node's volumes as the node last reported them (with its heartbeat), and whether an operator is emptying
-- one (a disk to be replaced): its node then moves its copies to the node's other volumes.
create table node_volume (
    node           varchar(128)  not null,
    volume         varchar(64)   not null,
    path           varchar(1024) not null,
    capacity_bytes bigint        not null,
    used_bytes     bigint        not null,
    draining       boolean       not null default false,
    seen_at        timestamptz   not null default now(),
    primary key (node, volume)
);
