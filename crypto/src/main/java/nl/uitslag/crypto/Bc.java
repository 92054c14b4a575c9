package nl.uitslag.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider instance the module passes explicitly to every operation. */
final class Bc {
  /**
   * Passed explicitly, never registered with {@code Security.addProvider}: a global registration would change the
   * behaviour of every other part of the server (TLS, password hashing) behind its back.
   */
  static final Provider PROVIDER = new BouncyCastleProvider();

  private Bc() {}
}
