create table image (id varchar(52) primary key, bytes bigint not null, format varchar(16) not null, width int not null, height int not null);
create table group_usage (grp varchar(3) primary key, images bigint not null check (images >= 0), bytes bigint not null check (bytes >= 0));
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
\timing on
-- without the trigger: 20,000 single-row inserts (one statement each, in one transaction)
do $$ begin for i in 1..20000 loop insert into image values (left(encode(sha256(i::text::bytea), 'hex'), 52), 1000000 + i, 'jpeg', 4000, 3000); end loop; end $$;
do $$ begin for i in 20001..40000 loop insert into image values (left(encode(sha256(i::text::bytea), 'hex'), 52), 1000000 + i, 'jpeg', 4000, 3000); end loop; end $$;
create trigger image_counted after insert or delete on image for each row execute function count_group_usage();
-- with it
do $$ begin for i in 40001..60000 loop insert into image values (left(encode(sha256(i::text::bytea), 'hex'), 52), 1000000 + i, 'jpeg', 4000, 3000); end loop; end $$;
do $$ begin for i in 60001..80000 loop insert into image values (left(encode(sha256(i::text::bytea), 'hex'), 52), 1000000 + i, 'jpeg', 4000, 3000); end loop; end $$;
drop trigger image_counted on image;
do $$ begin for i in 80001..100000 loop insert into image values (left(encode(sha256(i::text::bytea), 'hex'), 52), 1000000 + i, 'jpeg', 4000, 3000); end loop; end $$;
create trigger image_counted after insert or delete on image for each row execute function count_group_usage();
do $$ begin for i in 100001..120000 loop insert into image values (left(encode(sha256(i::text::bytea), 'hex'), 52), 1000000 + i, 'jpeg', 4000, 3000); end loop; end $$;
select count(*), sum(images) from group_usage;
