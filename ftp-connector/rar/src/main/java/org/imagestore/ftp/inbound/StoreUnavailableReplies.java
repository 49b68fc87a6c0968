package org.imagestore.ftp.inbound;

import java.util.logging.Logger;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.command.CommandFactory;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;

/**
 * Every command that could not read the catalogue (a folder looked up for STOR, CWD, LIST...) is answered 451,
 * "try again": FtpServer's own answer to a command that throws is 550, which a camera takes for final and may
 * never retry, although nothing was wrong with its request.
 */
final class StoreUnavailableReplies implements CommandFactory {

    private static final Logger LOG = Logger.getLogger(StoreUnavailableReplies.class.getName());

    private final CommandFactory commands;

    StoreUnavailableReplies(CommandFactory commands) {
        this.commands = commands;
    }

    @Override
    public Command getCommand(String name) {
        Command command = commands.getCommand(name);
        if (command == null) {
            return null;
        }
        return (session, context, request) -> {
            try {
                command.execute(session, context, request);
            } catch (StoreUnavailableException unavailable) {
                LOG.warning(() -> "FTP " + request.getCommand() + (session.getUser() == null ? "" : " of "
                        + session.getUser().getName()) + " refused with 451, the store could not answer: "
                        + unavailable.getMessage());
                session.resetState();
                session.write(new DefaultFtpReply(FtpReply.REPLY_451_REQUESTED_ACTION_ABORTED,
                        Refusals.singleLine(unavailable.getMessage())));
            }
        };
    }
}
