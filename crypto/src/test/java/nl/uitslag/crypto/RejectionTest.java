package nl.uitslag.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectionTest {
  @Test
  void everyReasonHasItsOwnDutchAndEnglishMessage() {
    Rejection[] all = Rejection.values();
    assertThat(Arrays.stream(all).map(Rejection::dutch).distinct()).hasSize(all.length);
    assertThat(Arrays.stream(all).map(Rejection::english).distinct()).hasSize(all.length);
    for (Rejection r : all) {
      assertThat(r.dutch()).as(r.name()).isNotBlank().endsWith(".");
      assertThat(r.english()).as(r.name()).isNotBlank().endsWith(".").isNotEqualTo(r.dutch());
    }
  }
}
