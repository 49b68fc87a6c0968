package org.imagestore.ftp.inbound;

import java.io.IOException;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpStoreListener;

/**
 * A one-path change of the source's tree ({@code MKD}, {@code RMD}, {@code DELE}), replied to only after it
 * committed, and refused with the store's own reason and code. (The stock commands see only a boolean and
 * answer every refusal with "450, try again", which a camera would retry for ever.)
 */
final class TreeCommand implements Command {

    /** The change itself. */
    @FunctionalInterface
    interface Change {
        void apply(FtpStoreListener store, String source, String path) throws FtpRefusedException;
    }

    private final StoreGateway store;
    private final Change change;
    private final int successCode;
    private final String successText;

    /** @param successText the reply on success; {@code %s} is the path */
    TreeCommand(StoreGateway store, Change change, int successCode, String successText) {
        this.store = store;
        this.change = change;
        this.successCode = successCode;
        this.successText = successText;
    }

    static TreeCommand makeFolder(StoreGateway store) {
        return new TreeCommand(store, FtpStoreListener::makeFolder, FtpReply.REPLY_257_PATHNAME_CREATED, "\"%s\" created");
    }

    static TreeCommand removeFolder(StoreGateway store) {
        return new TreeCommand(store, FtpStoreListener::removeFolder, FtpReply.REPLY_250_REQUESTED_FILE_ACTION_OKAY, "Removed %s");
    }

    static TreeCommand delete(StoreGateway store) {
        return new TreeCommand(store, FtpStoreListener::delete, FtpReply.REPLY_250_REQUESTED_FILE_ACTION_OKAY, "Deleted %s");
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) throws IOException {
        try {
            String argument = request.getArgument();
            if (argument == null || argument.isBlank()) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_501_SYNTAX_ERROR_IN_PARAMETERS_OR_ARGUMENTS,
                        request.getCommand() + " needs a path"));
                return;
            }
            VirtualFileSystemView view = (VirtualFileSystemView) session.getFileSystemView();
            String path = view.resolve(argument).getAbsolutePath();
            store.change(s -> {
                change.apply(s, view.source(), path);
                return null;
            });
            // quotes in a 257 path are doubled (RFC 959)
            String shown = successCode == FtpReply.REPLY_257_PATHNAME_CREATED ? path.replace("\"", "\"\"") : path;
            session.write(new DefaultFtpReply(successCode, String.format(successText, shown)));
        } catch (FtpRefusedException refusal) {
            session.write(Refusals.reply(refusal));
        } finally {
            session.resetState();
        }
    }
}
