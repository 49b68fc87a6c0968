-- Levelling: whether the cluster levels itself, and what its last plan was (for /admin/cluster and the next
-- leader, should the one that made it die).
alter table cluster_settings add column levelling_enabled boolean not null default true;
alter table cluster_settings add column levelling_tolerance double precision not null default 0.02
    check (levelling_tolerance > 0 and levelling_tolerance < 1);

create table levelling_run (
    id                bigint generated always as identity primary key,
    started_at        timestamptz      not null default now(),
    reason            varchar(128)     not null,
    moves             integer          not null,
    planned_bytes     bigint           not null,
    lower_bound_bytes bigint           not null,
    mean_fraction     double precision not null,
    tolerance_reached boolean          not null,
    targets           text             not null  -- "node=fraction" per line: where each node's used fraction goes
);
