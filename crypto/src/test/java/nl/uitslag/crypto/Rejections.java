package nl.uitslag.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that an operation is refused for exactly the given reason. */
final class Rejections {
  private Rejections() {}

  static void assertRejected(Rejection expected, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(RejectedException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((RejectedException) e).reason())
                    .as(e.getMessage())
                    .isEqualTo(expected));
  }
}
