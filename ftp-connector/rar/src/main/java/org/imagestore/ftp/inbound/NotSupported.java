package org.imagestore.ftp.inbound;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/** A command we deliberately do not offer, answered with 502 and the reason. */
final class NotSupported implements Command {

    private final String reason;

    NotSupported(String reason) {
        this.reason = reason;
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) {
        session.resetState();
        // a PASV before it reserved a data port: give it back now, not at the next PASV
        session.getDataConnection().closeDataConnection();
        session.write(new DefaultFtpReply(FtpReply.REPLY_502_COMMAND_NOT_IMPLEMENTED, reason));
    }
}
