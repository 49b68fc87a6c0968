-- psql -f trigger-cost.sql in an empty database: the image table's key columns, then the migration itself
create table image (id varchar(52) primary key, bytes bigint not null, format varchar(16) not null, width int not null, height int not null);
\ir ../../../db/src/main/resources/db/migration/V9__group_usage.sql
-- 20,000 single-row inserts (one statement each, in one transaction)
create function insert_images(first int) returns void language plpgsql as $$
begin
    for i in first..first + 19999 loop
        insert into image values (left(encode(sha256(i::text::bytea), 'hex'), 52), 1000000 + i, 'jpeg', 4000, 3000);
    end loop;
end $$;
\timing on
drop trigger image_counted on image;
-- without the trigger
select insert_images(1);
select insert_images(20001);
create trigger image_counted after insert or delete on image for each row execute function count_group_usage();
-- with it
select insert_images(40001);
select insert_images(60001);
drop trigger image_counted on image;
select insert_images(80001);
create trigger image_counted after insert or delete on image for each row execute function count_group_usage();
select insert_images(100001);
select count(*), sum(images) from group_usage;
