-- Images and bytes per group of three id characters (every group of a 2- or 3-character map is a sum of these),
-- kept by the database in the transaction that inserts or deletes the image. The leveller reads this every 15 s and
-- the map maintenance and /admin/cluster/groups when asked: summing the image table instead grew with the
-- catalogue (52 ms at 31,515 images, so seconds per check at a few million).
create table group_usage (
    grp    varchar(3) primary key,
    images bigint     not null check (images >= 0),
    bytes  bigint     not null check (bytes >= 0)
);

insert into group_usage (grp, images, bytes)
select left(id, 3), count(*), sum(bytes) from image group by 1;

-- A row trigger: an upload inserts one image (or none, when the bytes are known already), a purge deletes one.
-- Two uploads of the same group wait for each other's commit on the group's row: 1 in 4,096 pairs.
create function count_group_usage() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into group_usage as g (grp, images, bytes) values (left(new.id, 3), 1, new.bytes)
            on conflict (grp) do update set images = g.images + 1, bytes = g.bytes + excluded.bytes;
    else
        update group_usage set images = images - 1, bytes = bytes - old.bytes where grp = left(old.id, 3);
    end if;
    return null;
end $$;

create trigger image_counted after insert or delete on image
    for each row execute function count_group_usage();
