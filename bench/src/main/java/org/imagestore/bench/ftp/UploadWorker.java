package org.imagestore.bench.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.commons.net.ftp.FTPClient;
import org.imagestore.bench.Photos.Photo;

/**
 * One FTP client: takes uploads from the plan and sends each as its own STOR, either in sessions that stay
 * logged in, or (as many cameras do) in a fresh connection and login per file, timed from connect to QUIT.
 * With several servers (the nodes of a cluster) the uploads go to them in turn, by the plan's sequence, so the
 * client keeps one session per server.
 */
final class UploadWorker implements Callable<Void> {

    private final List<FtpTarget> targets;
    private final UploadPlan plan;
    private final List<Photo> photos;
    private final String folder;
    private final boolean loginPerFile;
    private final boolean uniqueBytes;
    private final UploadResults results;
    private final FTPClient[] sessions;

    UploadWorker(List<FtpTarget> targets, UploadPlan plan, List<Photo> photos, String folder, boolean loginPerFile,
                 boolean uniqueBytes, UploadResults results) {
        this.targets = List.copyOf(targets);
        this.plan = plan;
        this.photos = photos;
        this.folder = folder;
        this.loginPerFile = loginPerFile;
        this.uniqueBytes = uniqueBytes;
        this.results = results;
        this.sessions = new FTPClient[targets.size()];
    }

    @Override
    public Void call() {
        try {
            for (Optional<UploadPlan.Upload> next = plan.next(); next.isPresent(); next = plan.next()) {
                int target = (int) (next.get().sequence() % targets.size());
                sessions[target] = upload(targets.get(target), sessions[target], next.get());
            }
            for (FTPClient session : sessions) {
                if (session != null) {
                    FtpTarget.logout(session);
                }
            }
        } catch (IOException e) {
            // logging out at the very end failed: the uploads themselves are already counted
        } finally {
            for (FTPClient session : sessions) {
                FtpTarget.closeQuietly(session);
            }
        }
        return null;
    }

    /** Makes one upload; returns the session to reuse (null when it must not be reused). */
    private FTPClient upload(FtpTarget target, FTPClient session, UploadPlan.Upload upload) {
        Photo photo = photos.get(upload.index());
        // every upload gets its own name, so neither server ever replaces an earlier file
        String path = String.format(Locale.ROOT, "%s/r%04d-%s", folder, upload.repetition(), photo.name());
        long bytes = photo.bytes().length + (uniqueBytes ? UniqueBytes.SUFFIX_LENGTH : 0);
        long started = System.nanoTime();
        try {
            if (session == null) {
                session = target.open();
            }
            InputStream content = uniqueBytes ? UniqueBytes.withRandomSuffix(photo.bytes())
                    : new ByteArrayInputStream(photo.bytes());
            session.storeFile(path, content);
            int code = session.getReplyCode();
            String reply = session.getReplyString();
            if (loginPerFile) {
                FtpTarget.logout(session);
                session = null;
            }
            if (results.replied(upload, photo.name(), bytes, code, reply, System.nanoTime() - started)) {
                return session;
            }
            // after a failed STOR the session's state is unknown: the next upload starts on a fresh one
            FtpTarget.closeQuietly(session);
            return null;
        } catch (IOException e) {
            results.failed(upload, photo.name(), target + ": " + e);
            FtpTarget.closeQuietly(session);
            return null;
        }
    }
}
