-- The cluster: its settings, its nodes, the group map, and copies waiting to be removed.
-- (DESIGN.md, "Placement and levelling: the group is the unit".)

-- One row, written by the first node: how many copies every image has, how long a group prefix is, the
-- secret nodes sign their requests to each other with, and how long a node may be down before its groups get
-- new holders (an operator may change it: PUT /admin/cluster).
create table cluster_settings (
    id            smallint     primary key default 1 check (id = 1),
    replicas      smallint     not null check (replicas between 1 and 5),
    group_chars   smallint     not null check (group_chars in (2, 3)),
    secret        varchar(64)  not null,
    grace_seconds integer      not null check (grace_seconds >= 0),
    created_at    timestamptz  not null default now()
);

-- Every node that ever joined. state: up, down, draining (live state travels over Infinispan; this is what
-- survives the cluster's restart and what the leader decides with).
create table cluster_node (
    name           varchar(128) primary key,
    address        varchar(64)  not null,
    internal_url   varchar(256) not null,
    state          varchar(16)  not null default 'up' check (state in ('up', 'down', 'draining')),
    capacity_bytes bigint       not null default 0,
    used_bytes     bigint       not null default 0,
    joined_at      timestamptz  not null default now(),
    state_since    timestamptz  not null default now(),
    seen_at        timestamptz  not null default now()
);

-- The group map: each group's holders, in order (position 0 first). An image's copies belong on its group's
-- holders; placements record the copies that exist.
create table group_holder (
    grp      varchar(3)   not null,
    position smallint     not null,
    node     varchar(128) not null references cluster_node (name),
    primary key (grp, position),
    unique (grp, node)
);
create index group_holder_by_node on group_holder (node);

-- Bumped with every change of the map, so that nodes know when their cached copy is stale.
create table group_map_version (
    id      smallint primary key default 1 check (id = 1),
    version bigint   not null
);

-- Groups whose copies may not match their holders (a stand-in took an upload, a holder changed or came back):
-- the repair looks at these only.
create table group_repair (
    grp       varchar(3)  primary key,
    marked_at timestamptz not null default now()
);

-- Copies a node must delete (a purge, a surplus copy, a handoff gone home), kept until that node has done it,
-- so that a node that is down at the time deletes them when it is back.
create table blob_removal (
    image_id     varchar(52)  not null,
    node         varchar(128) not null,
    reason       varchar(128) not null,
    requested_at timestamptz  not null default now(),
    primary key (image_id, node)
);

-- Prefix searches by group (id like 'ab%') for images and for one node's placements.
create index image_by_prefix on image (id text_pattern_ops);
create index placement_by_node on placement (node, image_id text_pattern_ops);
