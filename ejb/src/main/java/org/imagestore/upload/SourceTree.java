package org.imagestore.upload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.image.ImageId;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.source.Source;
import org.imagestore.support.RefusedException;
import org.imagestore.support.SqlValues;

/**
 * A source's virtual FTP tree: folders and the current upload under each name. Every change that the indexer
 * must hear about fires an {@link UploadChanged} inside the same transaction.
 */
@Stateless
public class SourceTree {

    private static final Logger LOG = Logger.getLogger(SourceTree.class.getName());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private TemporaryNames temporaryNames;
    @Inject
    private Event<UploadChanged> changes;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: in the caller's transaction if it has one
    public Optional<TreeEntry> stat(Source source, TreePath path) {
        if (path.isRoot()) {
            return Optional.of(TreeEntry.folder("/", source.createdAt()));
        }
        // one native query, as STOR asks before every upload (outside a transaction, a JPQL query is translated
        // anew on every call): the current upload of that name, else the folder of that path
        List<?> rows = em.createNativeQuery("""
                        select false, bytes, received_at from upload
                         where source_id = ? and folder = ? and name = ? and removed_at is null
                        union all
                        select true, 0, created_at from folder where source_id = ? and path = ?
                        order by 1 limit 1""")
                .setParameter(1, source.id()).setParameter(2, path.parent().orElseThrow().value())
                .setParameter(3, path.name()).setParameter(4, source.id()).setParameter(5, path.value())
                .getResultList();
        return rows.stream().findFirst().map(Object[].class::cast)
                .map(row -> (Boolean) row[0] ? TreeEntry.folder(path.name(), SqlValues.instant(row[2]))
                        : TreeEntry.file(path.name(), SqlValues.longValue(row[1]), SqlValues.instant(row[2])));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: in the caller's transaction if it has one
    public List<TreeEntry> list(Source source, TreePath folder) throws NoSuchPathException {
        if (!folder.isRoot() && folderCreatedAt(source, folder).isEmpty()) {
            throw new NoSuchPathException("folder", folder);
        }
        List<TreeEntry> entries = new ArrayList<>();
        for (Object[] row : rows(em.createNativeQuery(
                        "select path, created_at from folder where source_id = ? and parent = ? order by path")
                .setParameter(1, source.id()).setParameter(2, folder.value()).getResultList())) {
            entries.add(TreeEntry.folder(new TreePath((String) row[0]).name(), SqlValues.instant(row[1])));
        }
        em.createQuery("select u from Upload u where u.sourceId = :source and u.folder = :folder and u.removedAt is null"
                        + " order by u.name", Upload.class)
                .setParameter("source", source.id()).setParameter("folder", folder.value())
                .getResultStream().forEach(u -> entries.add(TreeEntry.file(u.name(), u.bytes(), u.receivedAt())));
        return entries;
    }

    public void makeFolder(Source source, TreePath folder) throws PathTakenException {
        if (folder.isRoot() || folderCreatedAt(source, folder).isPresent()) {
            throw new PathTakenException(folder, "exists already");
        }
        if (currentUpload(source, folder).isPresent()) {
            throw new PathTakenException(folder, "is a file");
        }
        ensureFolders(source, folder);
    }

    public void removeFolder(Source source, TreePath folder) throws NoSuchPathException, TreeChangeRefusedException {
        if (folder.isRoot() || folderCreatedAt(source, folder).isEmpty()) {
            throw new NoSuchPathException("folder", folder);
        }
        boolean hasFolders = !em.createNativeQuery("select 1 from folder where source_id = ? and parent = ? limit 1")
                .setParameter(1, source.id()).setParameter(2, folder.value()).getResultList().isEmpty();
        boolean hasFiles = !em.createQuery("select u.id from Upload u where u.sourceId = :source and u.folder = :folder"
                        + " and u.removedAt is null", Long.class)
                .setParameter("source", source.id()).setParameter("folder", folder.value())
                .setMaxResults(1).getResultList().isEmpty();
        if (hasFolders || hasFiles) {
            throw new TreeChangeRefusedException(folder + " is not empty");
        }
        em.createNativeQuery("delete from folder where source_id = ? and path = ?")
                .setParameter(1, source.id()).setParameter(2, folder.value()).executeUpdate();
    }

    /**
     * Records a new upload at {@code path}, replacing the current one of that name if any. Announced at once
     * unless its name is a temporary one.
     */
    public Upload record(Source source, TreePath path, ImageId image, ImageFacts facts, long bytes, Instant receivedAt,
                         String node, String clientAddress) throws PathTakenException {
        TreePath folder = path.parent().orElseThrow();
        PathCheck check = checkPath(source, path, folder);
        if (check.pathIsFolder()) {
            throw new PathTakenException(path, "is a folder");
        }
        check.currentUpload().map(id -> em.find(Upload.class, id))
                .ifPresent(old -> remove(source, old, "replaced by a newer upload of the same name"));
        if (!check.folderExists()) {
            ensureFolders(source, folder);
        }
        Upload upload = new Upload(source.id(), path, image, bytes, receivedAt, node, clientAddress);
        boolean announced = !temporaryNames.isTemporary(path.name());
        if (announced) {
            upload.markAnnounced(); // before the insert, which would otherwise be followed by an update at commit
        }
        em.persist(upload); // inserted at once (an identity column): its id goes into the announcement
        if (announced) {
            announce(source, upload, UploadChanged.Kind.STORED, Optional.empty(), Optional.of(facts));
        }
        return upload;
    }

    /** Renames an upload (announcing a temporary one on its final name) or a folder with everything in it. */
    public void rename(Source source, TreePath from, TreePath to) throws RefusedException {
        if (from.isRoot() || to.isRoot()) {
            throw new TreeChangeRefusedException("the root folder cannot be renamed or replaced");
        }
        if (from.equals(to)) {
            return;
        }
        Optional<Upload> upload = currentUpload(source, from);
        if (upload.isPresent()) {
            renameUpload(source, upload.get(), to);
        } else if (folderCreatedAt(source, from).isPresent()) {
            renameFolder(source, from, to);
        } else {
            throw new NoSuchPathException("file or folder", from);
        }
    }

    public void delete(Source source, TreePath path) throws NoSuchPathException {
        Upload upload = currentUpload(source, path)
                .orElseThrow(() -> new NoSuchPathException("file", path));
        remove(source, upload, "deleted by the source");
    }

    /** Takes every current upload of an image out of its source's tree (the image is being purged). */
    public void removeAll(ImageId image, String reason) {
        List<Object[]> current = rows(em.createQuery("select u, s from Upload u, org.imagestore.source.Source s"
                        + " where s.id = u.sourceId and u.imageId = :image and u.removedAt is null", Object[].class)
                .setParameter("image", image.value()).getResultList());
        for (Object[] row : current) {
            remove((Source) row[1], (Upload) row[0], reason);
        }
    }

    private void renameUpload(Source source, Upload upload, TreePath to) throws PathTakenException {
        if (folderCreatedAt(source, to).isPresent()) {
            throw new PathTakenException(to, "is a folder");
        }
        TreePath from = upload.path();
        currentUpload(source, to).ifPresent(old -> remove(source, old, "replaced by a rename"));
        ensureFolders(source, to.parent().orElseThrow());
        upload.moveTo(to);
        em.flush();
        if (upload.announced()) {
            announce(source, upload, UploadChanged.Kind.RENAMED, Optional.of(from));
        } else if (!temporaryNames.isTemporary(to.name())) {
            announce(source, upload, UploadChanged.Kind.STORED, Optional.empty());
        }
        LOG.fine(() -> "source " + source.name() + ": " + from + " renamed to " + to);
    }

    private void renameFolder(Source source, TreePath from, TreePath to) throws RefusedException {
        if (from.contains(to)) {
            throw new TreeChangeRefusedException("cannot move " + from + " into itself");
        }
        if (stat(source, to).isPresent()) {
            throw new PathTakenException(to, "exists already");
        }
        ensureFolders(source, to.parent().orElseThrow());
        List<Upload> moved = em.createQuery("select u from Upload u where u.sourceId = :source and u.removedAt is null"
                        + " and (u.folder = :folder or substring(u.folder, 1, :length) = :prefix)", Upload.class)
                .setParameter("source", source.id()).setParameter("folder", from.value())
                .setParameter("length", from.value().length() + 1).setParameter("prefix", from.value() + "/")
                .getResultList();
        em.createNativeQuery("""
                        update folder set path = ? || substr(path, ?),
                                          parent = case when path = ? then ? else ? || substr(parent, ?) end
                        where source_id = ? and (path = ? or left(path, ?) = ?)""")
                .setParameter(1, to.value()).setParameter(2, from.value().length() + 1)
                .setParameter(3, from.value()).setParameter(4, to.parent().orElseThrow().value())
                .setParameter(5, to.value()).setParameter(6, from.value().length() + 1)
                .setParameter(7, source.id()).setParameter(8, from.value())
                .setParameter(9, from.value().length() + 1).setParameter(10, from.value() + "/")
                .executeUpdate();
        for (Upload upload : moved) {
            TreePath old = upload.path();
            upload.moveTo(new TreePath(to.value() + old.value().substring(from.value().length())));
            if (upload.announced()) {
                announce(source, upload, UploadChanged.Kind.RENAMED, Optional.of(old));
            }
        }
    }

    private void remove(Source source, Upload upload, String reason) {
        upload.remove(Instant.now());
        em.flush(); // frees the name for the unique index before a new record takes it
        if (upload.announced()) {
            changes.fire(new UploadChanged(upload, source.name().value(), UploadChanged.Kind.REMOVED,
                    Optional.empty(), Optional.of(reason), Optional.empty()));
        }
    }

    private void announce(Source source, Upload upload, UploadChanged.Kind kind, Optional<TreePath> previous) {
        announce(source, upload, kind, previous, Optional.empty());
    }

    private void announce(Source source, Upload upload, UploadChanged.Kind kind, Optional<TreePath> previous,
                          Optional<ImageFacts> facts) {
        upload.markAnnounced();
        changes.fire(new UploadChanged(upload, source.name().value(), kind, previous, Optional.empty(), facts));
    }

    private Optional<Upload> currentUpload(Source source, TreePath path) {
        if (path.isRoot()) {
            return Optional.empty();
        }
        return em.createQuery("select u from Upload u where u.sourceId = :source and u.folder = :folder"
                        + " and u.name = :name and u.removedAt is null", Upload.class)
                .setParameter("source", source.id())
                .setParameter("folder", path.parent().orElseThrow().value())
                .setParameter("name", path.name())
                .getResultStream().findFirst();
    }

    private Optional<Instant> folderCreatedAt(Source source, TreePath folder) {
        return em.createNativeQuery("select created_at from folder where source_id = ? and path = ?")
                .setParameter(1, source.id()).setParameter(2, folder.value())
                .getResultStream().findFirst().map(SqlValues::instant);
    }

    /**
     * Whether {@code path} is a folder, whether {@code folder} (its parent) exists and which upload is current at
     * {@code path}: one round trip on the upload path.
     */
    private PathCheck checkPath(Source source, TreePath path, TreePath folder) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select exists (select 1 from folder where source_id = ? and path = ?),
                               exists (select 1 from folder where source_id = ? and path = ?),
                               (select id from upload where source_id = ? and folder = ? and name = ? and removed_at is null
                                limit 1)""")
                .setParameter(1, source.id()).setParameter(2, path.value())
                .setParameter(3, source.id()).setParameter(4, folder.value())
                .setParameter(5, source.id()).setParameter(6, folder.value()).setParameter(7, path.name())
                .getSingleResult();
        return new PathCheck((Boolean) row[0], folder.isRoot() || (Boolean) row[1],
                Optional.ofNullable((Number) row[2]).map(Number::longValue));
    }

    private record PathCheck(boolean pathIsFolder, boolean folderExists, Optional<Long> currentUpload) {
    }

    /** Creates the folder and every missing ancestor, in one statement. */
    private void ensureFolders(Source source, TreePath folder) {
        List<TreePath> paths = folder.selfAndAncestors();
        if (paths.isEmpty()) {
            return;
        }
        var insert = em.createNativeQuery("insert into folder (source_id, path, parent) values "
                + String.join(", ", Collections.nCopies(paths.size(), "(?, ?, ?)"))
                + " on conflict do nothing");
        int position = 1;
        for (TreePath path : paths) {
            insert.setParameter(position++, source.id()).setParameter(position++, path.value())
                    .setParameter(position++, path.parent().orElseThrow().value());
        }
        insert.executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
