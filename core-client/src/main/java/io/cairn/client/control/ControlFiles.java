package io.cairn.client.control;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where the control channel's port and token live in the state directory: {@code control.port}, and
 * {@code control.token} (32 random bytes, hex), created readable by the owner only — whoever can
 * read it can control the client, like BOINC's {@code gui_rpc_auth.cfg}.
 */
public final class ControlFiles {
  private ControlFiles() {}

  static Path portFile(Path stateDir) {
    return stateDir.resolve("control.port");
  }

  static Path tokenFile(Path stateDir) {
    return stateDir.resolve("control.token");
  }

  /** Creates a fresh token file with owner-only permissions; returns the token. */
  static String newToken(Path stateDir) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Path file = tokenFile(stateDir);
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system: the directory's own permissions protect it
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another client created " + file + " at the same time", e);
    }
    Files.writeString(file, token);
    return token;
  }

  /** The token of the running client. */
  static String readToken(Path stateDir) throws IOException {
    return Files.readString(tokenFile(stateDir)).trim();
  }

  /** The port of the running client. */
  static int readPort(Path stateDir) throws IOException {
    return Integer.parseInt(Files.readString(portFile(stateDir)).trim());
  }
}
