-- Accounts of the HTTP API have a role: administrators, and viewers (an indexer, a dashboard) that may read
-- upload queries and image metadata when imagestore.http.metadata-access=viewer keeps them from the public.
alter table admin_account add column role varchar(16) not null default 'admin' check (role in ('admin', 'viewer'));

-- Who may read upload queries and image metadata: 'public' (everyone) or 'viewer' (viewer and admin accounts).
alter table cluster_settings add column metadata_access varchar(16) not null default 'public'
    check (metadata_access in ('public', 'viewer'));
