package org.imagestore.ftp.inbound;

import java.io.IOException;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.imagestore.ftp.api.FtpRefusedException;

/**
 * RNTO that replies 250 only after the rename committed, and says why when it did not. Cameras upload as
 * {@code x.tmp} and rename: that rename is when the upload is announced to the indexer, so it must be
 * acknowledged as carefully as a STOR.
 */
final class AcknowledgedRnto implements Command {

    private final StoreGateway store;

    AcknowledgedRnto(StoreGateway store) {
        this.store = store;
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) throws IOException {
        try {
            String argument = request.getArgument();
            FtpFile from = session.getRenameFrom();
            if (argument == null || argument.isBlank()) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_501_SYNTAX_ERROR_IN_PARAMETERS_OR_ARGUMENTS, "RNTO needs a new name"));
                return;
            }
            if (from == null) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_503_BAD_SEQUENCE_OF_COMMANDS, "RNFR must come first"));
                return;
            }
            VirtualFileSystemView view = (VirtualFileSystemView) session.getFileSystemView();
            String to = view.resolve(argument).getAbsolutePath();
            store.change(s -> {
                s.rename(view.source(), from.getAbsolutePath(), to);
                return null;
            });
            session.write(new DefaultFtpReply(FtpReply.REPLY_250_REQUESTED_FILE_ACTION_OKAY, "Renamed to " + to));
        } catch (FtpRefusedException refusal) {
            session.write(Refusals.reply(refusal));
        } finally {
            session.resetState();
        }
    }
}
