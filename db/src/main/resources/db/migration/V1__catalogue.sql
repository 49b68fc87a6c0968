-- The catalogue: who may upload (source), what is stored (image), where (placement),
-- what each source sent under which name (upload, folder), and what the indexer still has to hear (outbox).

create table source (
    id            bigint generated always as identity primary key,
    name          varchar(64)  not null unique,
    password_hash varchar(512) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);

-- Administrators of the HTTP admin API (HTTP Basic, PBKDF2 hashes).
create table admin_account (
    name          varchar(64)  primary key,
    password_hash varchar(512) not null,
    created_at    timestamptz  not null default now()
);

-- One row per distinct content. The id is the SHA-256 of the bytes, base32, lowercase.
create table image (
    id              varchar(52)  primary key,
    bytes           bigint       not null check (bytes > 0),
    format          varchar(16)  not null,
    width           integer      not null check (width > 0),
    height          integer      not null check (height > 0),
    orientation     smallint     not null default 1,
    captured_at     timestamp,              -- the camera's wall-clock time
    captured_offset varchar(6),             -- its UTC offset, when the camera recorded one
    camera_make     varchar(128),
    camera_model    varchar(128),
    gps_latitude    double precision,
    gps_longitude   double precision,
    gps_altitude    double precision,
    created_at      timestamptz  not null default now()
);

-- Where the copies of an image are: at most one per node.
create table placement (
    image_id  varchar(52)  not null references image (id) on delete cascade,
    node      varchar(128) not null,
    volume    varchar(64)  not null,
    stored_at timestamptz  not null default now(),
    primary key (image_id, node)
);
create index placement_by_volume on placement (node, volume);

-- Folders of each source's virtual FTP tree (made by MKD or implied by uploads).
create table folder (
    source_id  bigint        not null references source (id),
    path       varchar(1024) not null,
    parent     varchar(1024) not null,
    created_at timestamptz   not null default now(),
    primary key (source_id, path)
);
create index folder_by_parent on folder (source_id, parent);

-- Upload records: what a source sent, under which name, when, to which node.
-- removed_at marks a record replaced by a later upload to the same name, or deleted by the source.
create table upload (
    id             bigint generated always as identity primary key,
    source_id      bigint        not null references source (id),
    folder         varchar(1024) not null,
    name           varchar(255)  not null,
    image_id       varchar(52)   not null references image (id) on delete cascade,
    bytes          bigint        not null,
    received_at    timestamptz   not null,
    received_by    varchar(128)  not null,
    client_address varchar(64),
    announced      boolean       not null,
    removed_at     timestamptz
);
create unique index upload_current_name on upload (source_id, folder, name) where removed_at is null;
create index upload_newest on upload (received_at desc, id desc) where removed_at is null;
create index upload_newest_by_source on upload (source_id, received_at desc, id desc) where removed_at is null;
create index upload_by_image on upload (image_id);

-- Transactional outbox: committed with the catalogue change, relayed to the JMS topic, then deleted.
create table outbox (
    id         bigint generated always as identity primary key,
    upload_id  bigint       not null,
    event      varchar(16)  not null,
    source     varchar(64)  not null,
    format     varchar(16)  not null,
    payload    text         not null,
    created_at timestamptz  not null default now()
);
