package org.imagestore.ftp.inbound;

import java.util.Locale;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * {@code SITE CHMOD}, {@code SITE UTIME} and {@code MFMT}: what mirror tools and GUI clients send after every
 * upload to copy permissions and times. The store keeps neither (an upload's time is when it arrived), so by
 * default they are accepted and ignored, as SFTPGo's "ignore" mode does; refused with 502 when the operator sets
 * {@code imagestore.ftp.attribute-changes=refuse}. Other {@code SITE} commands are not offered.
 */
final class AttributeChanges {

    private AttributeChanges() {
    }

    static Command site(boolean ignore) {
        return (session, context, request) -> {
            session.resetState();
            String argument = request.hasArgument() ? request.getArgument().trim() : "";
            String name = argument.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            session.write(switch (name) {
                case "CHMOD", "UTIME" -> ignore
                        ? new DefaultFtpReply(FtpReply.REPLY_200_COMMAND_OKAY, "SITE " + name + " ignored: the store keeps no file attributes")
                        : refused("SITE " + name);
                case "HELP" -> new DefaultFtpReply(FtpReply.REPLY_214_HELP_MESSAGE,
                        ignore ? "SITE commands: CHMOD and UTIME (accepted, ignored), HELP" : "SITE commands: HELP");
                default -> new DefaultFtpReply(FtpReply.REPLY_502_COMMAND_NOT_IMPLEMENTED,
                        "SITE " + (name.isEmpty() ? "needs a command" : name + " is not supported"));
            });
        };
    }

    static Command modificationTime(boolean ignore) {
        return new Command() {
            @Override
            public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) {
                session.resetState();
                String[] parts = request.hasArgument() ? request.getArgument().trim().split(" ", 2) : new String[0];
                if (!ignore) {
                    session.write(refused("MFMT"));
                } else if (parts.length < 2 || !parts[0].matches("[0-9]{14}(\\.[0-9]{1,3})?")) {
                    session.write(new DefaultFtpReply(FtpReply.REPLY_501_SYNTAX_ERROR_IN_PARAMETERS_OR_ARGUMENTS,
                            "MFMT needs a time (YYYYMMDDHHMMSS) and a path"));
                } else {
                    // the draft's success reply, echoing the request: the time is not kept
                    session.write(new DefaultFtpReply(FtpReply.REPLY_213_FILE_STATUS,
                            "Modify=" + parts[0] + "; " + parts[1]));
                }
            }
        };
    }

    private static FtpReply refused(String command) {
        return new DefaultFtpReply(FtpReply.REPLY_502_COMMAND_NOT_IMPLEMENTED,
                command + " is not supported: the store keeps no file attributes");
    }
}
