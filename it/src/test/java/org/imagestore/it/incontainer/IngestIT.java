package org.imagestore.it.incontainer;

import static org.imagestore.it.incontainer.Fixtures.count;
import static org.imagestore.it.incontainer.Fixtures.queryValue;
import static org.imagestore.it.incontainer.Fixtures.resource;
import static org.imagestore.it.incontainer.Fixtures.staged;
import static org.imagestore.it.incontainer.Fixtures.stagedPhoto;
import static org.imagestore.it.incontainer.Fixtures.unique;
import static org.imagestore.it.incontainer.Fixtures.withTrailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.imagestore.ingest.IncomingUpload;
import org.imagestore.ingest.StoredUpload;
import org.imagestore.image.ImageId;
import org.imagestore.ingest.Ingest;
import org.imagestore.ingest.NotAnImageUploadException;
import org.imagestore.ingest.StorageFailedException;
import org.imagestore.source.Source;
import org.imagestore.source.SourceAccounts;
import org.imagestore.source.SourceName;
import org.imagestore.upload.SourceTree;
import org.imagestore.upload.TreePath;
import org.imagestore.volume.LocalVolumes;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ingest service against the real catalogue and volumes, inside the container's transactions. */
@ExtendWith(ArquillianExtension.class)
class IngestIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.storeWithTests();
    }

    @Inject
    private Ingest ingest;
    @Inject
    private SourceAccounts accounts;
    @Inject
    private SourceTree tree;
    @Inject
    private LocalVolumes volumes;
    @Resource(lookup = "jdbc/imagestore")
    private DataSource db;
    @Resource
    private UserTransaction transaction;

    private Source source;

    @BeforeEach
    void newSource() {
        source = accounts.create(new SourceName(unique("ingest")), "password-" + unique("p"));
    }

    @Test
    void storesTheBlobAndRecordsImagePlacementAndUpload() throws Exception {
        IncomingUpload upload = stagedPhoto("/2026/11/21/cam.jpg", "xiaomi-mi-a3-gps.jpg");

        StoredUpload stored = ingest.store(source, upload);

        ImageId id = stored.image();
        assertEquals(upload.id(), id);
        assertTrue(stored.announced());
        assertEquals(800, ((Number) queryValue(db, "select width from image where id = ?", id.value())).intValue());
        assertEquals("Xiaomi", queryValue(db, "select camera_make from image where id = ?", id.value()));
        assertEquals(1, count(db, "select count(*) from placement where image_id = ? and node = 'das'", id.value()));
        assertEquals(1, count(db, "select count(*) from upload where image_id = ? and folder = '/2026/11/21'"
                + " and name = 'cam.jpg' and announced and removed_at is null", id.value()));
        assertTrue(volumes.all().stream().anyMatch(v -> v.find(id).isPresent()), "blob on a local volume");
        assertFalse(Files.exists(upload.stagedFile()), "the staged file was consumed");
        assertEquals(3, count(db, "select count(*) from folder f join source s on s.id = f.source_id"
                + " where s.name = ? and f.path in ('/2026', '/2026/11', '/2026/11/21')", source.name().value()));
    }

    @Test
    void refusesContentThatIsNotAnImageAndKeepsNothing() {
        IncomingUpload upload = staged("/notes.jpg",
                "this is a text file, not a photograph".getBytes(StandardCharsets.UTF_8));

        NotAnImageUploadException refused = assertThrows(NotAnImageUploadException.class, () -> ingest.store(source, upload));

        assertEquals("not an image: content looks like text", refused.getMessage(), "says what the content is");
        assertEquals(0, count(db, "select count(*) from upload where source_id = ?", source.id()));
        assertEquals(0, count(db, "select count(*) from image where id = ?",
                upload.id().value()));
    }

    @Test
    void anUploadWhoseStagedFileCouldNotBeSyncedIsRefusedAndKeepsNothing() {
        IncomingUpload photo = stagedPhoto("/unsynced.jpg", "canon-eos70d.jpg");
        IncomingUpload upload = new IncomingUpload(photo.path(), photo.stagedFile(), () -> {
            throw new IOException("fsync failed (test)");
        }, photo.bytes(), photo.id(), photo.receivedAt(), photo.clientAddress());

        assertThrows(StorageFailedException.class, () -> ingest.store(source, upload));

        assertEquals(0, count(db, "select count(*) from upload where source_id = ?", source.id()));
        assertEquals(0, count(db, "select count(*) from image where id = ?", upload.id().value()));
        assertTrue(volumes.all().stream().allMatch(v -> v.find(upload.id()).isEmpty()), "no blob on any volume");
    }

    @Test
    void identicalBytesUnderTwoNamesShareOneImage() throws Exception {
        byte[] bytes = withTrailer(resource("canon-eos70d.jpg"));
        StoredUpload first = ingest.store(source, staged("/a.jpg", bytes));
        StoredUpload second = ingest.store(source, staged("/b/c.jpg", bytes));

        assertEquals(first.image().value(), second.image().value());
        assertEquals(1, count(db, "select count(*) from image where id = ?", first.image().value()));
        assertEquals(1, count(db, "select count(*) from placement where image_id = ?", first.image().value()));
        assertEquals(2, count(db, "select count(*) from upload where image_id = ? and removed_at is null",
                first.image().value()));
    }

    @Test
    void aTemporaryNameIsAnnouncedOnlyWhenRenamedToItsFinalName() throws Exception {
        StoredUpload stored = ingest.store(source, stagedPhoto("/x.tmp", "canon-eos70d.jpg"));
        assertFalse(stored.announced());
        assertEquals(0, count(db, "select count(*) from upload where id = ? and announced", stored.uploadId()));

        tree.rename(source, new TreePath("/x.tmp"), new TreePath("/x.jpg"));

        assertEquals(1, count(db, "select count(*) from upload where id = ? and announced and name = 'x.jpg'",
                stored.uploadId()));
    }

    @Test
    void aRolledBackStoreLeavesNoCatalogueRowsAndNoMessage() throws Exception {
        IncomingUpload upload = stagedPhoto("/rolled-back.jpg", "canon-eos70d.jpg");
        String id = upload.id().value();

        transaction.begin();
        StoredUpload stored = ingest.store(source, upload);
        transaction.rollback();

        assertEquals(0, count(db, "select count(*) from image where id = ?", id));
        assertEquals(0, count(db, "select count(*) from upload where id = ?", stored.uploadId()));
        assertEquals(0, count(db, "select count(*) from outbox where upload_id = ?", stored.uploadId()));
    }

    @Test
    void anUploadToAnExistingNameReplacesIt() throws Exception {
        StoredUpload first = ingest.store(source, stagedPhoto("/latest.jpg", "canon-eos70d.jpg"));
        StoredUpload second = ingest.store(source, stagedPhoto("/latest.jpg", "canon-eos70d.jpg"));

        assertEquals(1, count(db, "select count(*) from upload where source_id = ? and name = 'latest.jpg'"
                + " and removed_at is null", source.id()));
        assertEquals(second.uploadId(), ((Number) queryValue(db, "select id from upload where source_id = ?"
                + " and name = 'latest.jpg' and removed_at is null", source.id())).longValue());
        assertEquals(1, count(db, "select count(*) from upload where id = ? and removed_at is not null", first.uploadId()));
    }
}
