package org.imagestore.ftp.inbound;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/**
 * At most so many FTP sessions from one address, logged in or not: one host opening connections by the thousand
 * (to guess passwords in parallel, or to hold every thread) is told {@code 421} and disconnected, while other
 * cameras keep their sessions. Cameras behind one NAT share an address: the limit is a setting.
 */
final class SessionsPerAddress extends DefaultFtplet {

    private static final Logger LOG = Logger.getLogger(SessionsPerAddress.class.getName());

    private final int max;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    SessionsPerAddress(int max) {
        this.max = max;
    }

    @Override
    public FtpletResult onConnect(FtpSession session) throws FtpException {
        String address = address(session);
        int sessions = open.merge(address, 1, Integer::sum);
        if (sessions > max) {
            LOG.warning(() -> "FTP session from " + address + " refused: " + max + " sessions from there are open already");
            session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
                    "Too many sessions from your address; try again later"));
            return FtpletResult.DISCONNECT;
        }
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onDisconnect(FtpSession session) {
        open.computeIfPresent(address(session), (address, n) -> n > 1 ? n - 1 : null);
        return FtpletResult.DEFAULT;
    }

    private static String address(FtpSession session) {
        return session.getClientAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(session.getClientAddress());
    }
}
