package nl.uitslag.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  @Test
  void twelveCharactersAreTooFewThirteenAreEnough() {
    assertThat(PasswordPolicy.check("anna", "abcdefghijkl".toCharArray())).contains("password.too-short");
    assertThat(PasswordPolicy.check("anna", "abcdefghijklm".toCharArray())).isEmpty();
  }

  @Test
  void thePasswordMayNotContainTheUserNameInAnyCase() {
    assertThat(PasswordPolicy.check("Anna", "xxANNAxxxxxxxxx".toCharArray())).contains("password.contains-username");
  }

  @Test
  void anAbsurdlyLongPasswordIsRefusedBeforeHashing() {
    assertThat(PasswordPolicy.check("anna", "x".repeat(257).toCharArray())).contains("password.too-long");
    assertThat(PasswordPolicy.check("anna", "x".repeat(256).toCharArray())).isEmpty();
  }
}
