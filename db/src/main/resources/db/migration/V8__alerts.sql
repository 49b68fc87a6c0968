-- Alert rules. An image rule fires for every upload that matches its criteria (JSON: source and path patterns,
-- format, sizes, camera, capture-time window, GPS box); a silence rule fires once when the sources its pattern
-- names stay silent for silence_seconds, and again only after uploads resumed.
create table alert_rule (
    id              bigint generated always as identity primary key,
    name            varchar(64)   not null unique,
    kind            varchar(16)   not null check (kind in ('image', 'silence')),
    criteria        text          not null,
    silence_seconds bigint        check (silence_seconds > 0),
    webhook_url     varchar(2048),
    webhook_secret  varchar(128),
    enabled         boolean       not null default true,
    armed_at        timestamptz   not null default now(), -- a silence counts from here at the earliest
    silent_since    timestamptz,                          -- a silence rule that fired, until uploads resume
    silent_after    timestamptz,                          -- the newest upload when it fired: a newer one re-arms it
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);

-- Every time a rule fired, with what it fired for.
create table alert_firing (
    id        bigint generated always as identity primary key,
    rule_id   bigint      not null references alert_rule (id) on delete cascade,
    image_id  varchar(52),
    upload_id bigint,
    reason    text        not null,
    payload   text        not null,
    fired_at  timestamptz not null default now()
);
create index alert_firing_newest on alert_firing (fired_at desc, id desc);
create index alert_firing_by_rule on alert_firing (rule_id, fired_at desc);

-- Webhook calls of firings: retried with backoff until the receiver answers 2xx or the attempts run out.
create table webhook_delivery (
    firing_id       bigint        primary key references alert_firing (id) on delete cascade,
    url             varchar(2048) not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz,  -- null once delivered or given up
    delivered_at    timestamptz,
    last_error      text
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where next_attempt_at is not null;

-- The outbox carries alert messages too, for their own topic; an alert need not have an upload or a format.
alter table outbox add column topic varchar(16) not null default 'metadata';
alter table outbox add column rule varchar(64);
alter table outbox alter column upload_id drop not null;
alter table outbox alter column format drop not null;
alter table outbox alter column source drop not null;

-- Silence checks and the console's source activity look up each source's newest uploads.
create index upload_by_source_time on upload (source_id, received_at desc);
