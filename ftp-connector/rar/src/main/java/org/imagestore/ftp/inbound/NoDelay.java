package org.imagestore.ftp.inbound;

import java.io.IOException;

import org.apache.mina.transport.socket.SocketSessionConfig;
import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * Turns Nagle's algorithm off on the control connection, then runs the command it wraps (USER, the first
 * command of every session). FTP replies are small writes that follow each other (150, then 226): with Nagle
 * on, the second waits for the client's delayed acknowledgement of the first, about 40 ms per upload.
 * FtpServer does not expose the socket option, so it is set here, once per session.
 */
final class NoDelay implements Command {

    private final Command command;

    NoDelay(Command command) {
        this.command = command;
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        if (session.getConfig() instanceof SocketSessionConfig socket && !socket.isTcpNoDelay()) {
            socket.setTcpNoDelay(true);
        }
        command.execute(session, context, request);
    }
}
