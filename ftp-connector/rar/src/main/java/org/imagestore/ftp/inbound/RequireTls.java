package org.imagestore.ftp.inbound;

import java.io.IOException;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * Refuses a command over a connection that is not encrypted, when the operator requires it
 * ({@code imagestore.ftp.tls.required}: logins only after {@code AUTH TLS}, so that no password crosses the network
 * in clear; {@code imagestore.ftp.tls.data-required}: transfers and listings only after {@code PROT P}). Off by
 * default: many cameras speak plain FTP only. The replies are vsftpd's.
 */
final class RequireTls implements Command {

    private final Command command;
    private final boolean data;

    private RequireTls(Command command, boolean data) {
        this.command = command;
        this.data = data;
    }

    /** The command as is, or refused on a control connection without TLS. */
    static Command forLogin(Command command, boolean required) {
        return required ? new RequireTls(command, false) : command;
    }

    /** The command as is, or refused unless its data connection will be encrypted. */
    static Command forData(Command command, boolean required) {
        return required ? new RequireTls(command, true) : command;
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        if (!session.isSecure()) {
            session.resetState();
            session.write(new DefaultFtpReply(530, "Sessions must use encryption: AUTH TLS first"));
            return;
        }
        if (data && !session.getDataConnection().isSecure()) {
            session.resetState();
            session.getDataConnection().closeDataConnection();
            session.write(new DefaultFtpReply(521, "Data connections must be encrypted: PBSZ 0 and PROT P first"));
            return;
        }
        command.execute(session, context, request);
    }
}
