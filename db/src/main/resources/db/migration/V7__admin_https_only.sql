-- Whether the admin API and purges are refused over plain HTTP (403, no password asked for): HTTPS only.
alter table cluster_settings add column admin_https_only boolean not null default false;
