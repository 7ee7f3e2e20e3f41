package io.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeyTest {
  static final String HASH = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @Test
  void parsesAndPrintsBothForms() {
    BlobKey plain = BlobKey.parse(HASH);
    BlobKey namespaced = BlobKey.parse("proofs/" + HASH);

    assertFalse(plain.hasNamespace());
    assertEquals(HASH, plain.toString());
    assertTrue(namespaced.hasNamespace());
    assertEquals("proofs", namespaced.namespace());
    assertEquals(HASH, namespaced.sha256Hex());
    assertEquals("proofs/" + HASH, namespaced.toString());
    assertEquals(namespaced, BlobKey.parse(namespaced.toString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../" + HASH,
        "proofs/../" + HASH,
        "/" + HASH,
        "proofs/",
        "a/b/" + HASH,
        "Proofs/" + HASH,
        "-proofs/" + HASH,
        "pro ofs/" + HASH,
        "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
        "2cf24dba",
        HASH + "0",
        HASH + "/",
        HASH + "\n",
        "../../etc/passwd",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/" + HASH
      })
  void rejectsEverythingOutsideTheGrammar(String text) {
    InvalidBlobKeyException failure =
        assertThrows(InvalidBlobKeyException.class, () -> BlobKey.parse(text));
    assertTrue(failure.getMessage().contains("expected"), failure.getMessage());
  }

  @Test
  void messageSaysWhatWasExpected() {
    InvalidBlobKeyException failure =
        assertThrows(InvalidBlobKeyException.class, () -> BlobKey.parse("..\u0000/" + HASH));
    assertEquals(
        "'..?' is not a blob namespace: expected 1 to 32 characters of a-z, 0-9 and '-',"
            + " starting with a letter or digit",
        failure.getMessage());
  }
}
