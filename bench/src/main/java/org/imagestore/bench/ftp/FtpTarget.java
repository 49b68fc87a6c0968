package org.imagestore.bench.ftp;

import java.io.IOException;
import java.time.Duration;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/** An FTP server and account: opens logged-in, binary, passive sessions, the way a camera's client would. */
final class FtpTarget {

    /** imagestore replies to STOR only once the upload is durable and committed: allow for a slow commit. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    FtpTarget(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    FTPClient open() throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setConnectTimeout(10_000);
        ftp.setDefaultTimeout((int) REPLY_TIMEOUT.toMillis());
        ftp.setDataTimeout(REPLY_TIMEOUT);
        ftp.setBufferSize(64 * 1024);
        try {
            ftp.connect(host, port);
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                throw new IOException("connect: " + ftp.getReplyString().strip());
            }
            ftp.setSoTimeout((int) REPLY_TIMEOUT.toMillis());
            if (!ftp.login(user, password)) {
                throw new IOException("login as " + user + ": " + ftp.getReplyString().strip());
            }
            if (!ftp.setFileType(FTP.BINARY_FILE_TYPE)) {
                throw new IOException("TYPE I: " + ftp.getReplyString().strip());
            }
            ftp.enterLocalPassiveMode();
            return ftp;
        } catch (IOException e) {
            closeQuietly(ftp);
            throw e;
        }
    }

    /** Logs out (QUIT) and disconnects, as a client that is done does. */
    static void logout(FTPClient ftp) throws IOException {
        try {
            ftp.logout();
        } finally {
            ftp.disconnect();
        }
    }

    static void closeQuietly(FTPClient ftp) {
        if (ftp != null && ftp.isConnected()) {
            try {
                ftp.disconnect();
            } catch (IOException ignored) {
                // the session is being thrown away anyway
            }
        }
    }

    /** Creates {@code folder} and its parents (those that exist already answer 550, which is fine). */
    void makeFolders(String folder) throws IOException {
        FTPClient ftp = open();
        try {
            StringBuilder path = new StringBuilder();
            for (String part : folder.split("/")) {
                if (!part.isEmpty()) {
                    ftp.makeDirectory(path.append('/').append(part).toString());
                }
            }
            if (!ftp.changeWorkingDirectory(folder)) {
                throw new IOException("cannot create folder " + folder + ": " + ftp.getReplyString().strip());
            }
            logout(ftp);
        } finally {
            closeQuietly(ftp);
        }
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
