package io.cairn.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Keccak256Test {

  @Test
  void emptyInputMatchesTheKeccakVectorNotSha3() {
    assertEquals(
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Keccak256.INSTANCE.hash(new byte[0]).toString());
  }

  @Test
  void abcMatchesTheKeccakVector() {
    assertEquals(
        "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        Keccak256.INSTANCE.hash("abc".getBytes(StandardCharsets.US_ASCII)).toString());
  }

  @Test
  void blake2sMatchesTheRfc7693Vector() {
    assertEquals(
        "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982",
        Blake2s256.INSTANCE.hash("abc".getBytes(StandardCharsets.US_ASCII)).toString());
  }
}
