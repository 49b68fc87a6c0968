package org.imagestore.ftp.inbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.command.impl.STAT;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * {@code STAT} and {@code SYST} name the product, not the FTP engine inside it (which tells an attacker what to
 * look up); {@code SYST} answers the conventional {@code UNIX Type: L8} that clients parse listings by.
 * {@code STAT} of a path is FtpServer's.
 */
final class ServerStatus {

    private ServerStatus() {
    }

    static Command stat() {
        STAT ofPath = new STAT();
        return new Command() {
            @Override
            public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
                    throws IOException, FtpException {
                if (request.hasArgument()) {
                    ofPath.execute(session, context, request);
                    return;
                }
                session.resetState();
                String user = session.isLoggedIn() ? session.getUser().getName() : "(not logged in)";
                session.write(new DefaultFtpReply(FtpReply.REPLY_211_SYSTEM_STATUS_REPLY, "imagestore FTP\n"
                        + "Connected to " + address(session.getLocalAddress()) + "\n"
                        + "Connected from " + address(session.getRemoteAddress()) + "\n"
                        + "Logged in as " + user + "\n"
                        + "End of status"));
            }
        };
    }

    static Command system() {
        return (session, context, request) -> {
            session.resetState();
            session.write(new DefaultFtpReply(FtpReply.REPLY_215_NAME_SYSTEM_TYPE, "UNIX Type: L8"));
        };
    }

    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
