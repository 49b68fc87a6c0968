package org.imagestore.ftp.inbound;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.imagestore.ftp.api.FtpRefusedException;

/** FTP replies for refusals: transient ones invite a retry (4xx), permanent ones do not (5xx). */
final class Refusals {

    private Refusals() {
    }

    static FtpReply reply(FtpRefusedException refusal) {
        int code = switch (refusal.kind()) {
            case TRANSIENT -> FtpReply.REPLY_451_REQUESTED_ACTION_ABORTED;
            case NO_SPACE -> FtpReply.REPLY_452_REQUESTED_ACTION_NOT_TAKEN;
            case BAD_NAME -> FtpReply.REPLY_553_REQUESTED_ACTION_NOT_TAKEN_FILE_NAME_NOT_ALLOWED;
            case PERMANENT, NOT_FOUND -> FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN;
        };
        return new DefaultFtpReply(code, singleLine(refusal.getMessage()));
    }

    /** A reply text must not break the control connection's line framing. */
    static String singleLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
    }
}
