package io.cairn.server.program;

import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.ProgramLoadException;
import io.cairn.math.Felt;
import io.cairn.server.auth.Secrets;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;

/**
 * Checks an uploaded program file with the Cairo VM's loader (known builtins and hints only) and
 * computes its identities: the file's SHA-256 and the bytecode hash (SHA-256 of the bytecode words
 * as 32-byte big-endian field elements, one after the other).
 *
 * @param fileSha256 hex SHA-256 of the file as uploaded
 * @param bytecodeHash hex SHA-256 of the canonical bytecode
 * @param builtins the builtins, comma-separated, in declaration order
 */
public record ProgramFiles(String fileSha256, String bytecodeHash, String builtins) {

  /** Validates {@code bytes}; a program the VM would refuse answers 422 {@code INVALID_PROGRAM}. */
  public static ProgramFiles check(byte[] bytes) {
    CairoProgram program;
    try {
      program = CairoProgram.load(new ByteArrayInputStream(bytes));
    } catch (ProgramLoadException e) {
      throw new ApiException(
          ErrorCode.INVALID_PROGRAM, "the program was refused: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ApiException(ErrorCode.INVALID_PROGRAM, "the program could not be read");
    }
    if (program.data().isEmpty()) {
      throw new ApiException(ErrorCode.INVALID_PROGRAM, "the program has no bytecode");
    }
    byte[] words = new byte[program.data().size() * 32];
    int i = 0;
    for (Felt f : program.data()) {
      f.writeBytesBE(words, i * 32);
      i++;
    }
    String builtins =
        program.builtins().stream().map(b -> b.programName()).collect(Collectors.joining(","));
    return new ProgramFiles(Secrets.sha256Hex(bytes), Secrets.sha256Hex(words), builtins);
  }
}
