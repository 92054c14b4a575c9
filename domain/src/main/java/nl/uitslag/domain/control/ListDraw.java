package nl.uitslag.domain.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The draw of the lists the GSB adds up by hand (controleprotocol optellingen), derived from a public seed
 * by SHA-256 with rejection sampling, so that anyone can redo it by hand or with the five-line script in
 * docs/CONTROL-PROTOCOL.md.
 *
 * <p>Procedure (version 1): sort the candidate list numbers ascending; for attempt counter c = 0, 1, 2, …
 * hash the UTF-8 bytes of {@code "uitslag-controleprotocol-v1|" + electionId + "|" + sessionNumber + "|" + c
 * + "|" + seed}; read the first 8 hexadecimal digits of the digest as an unsigned 32-bit number v; with m
 * lists still in the pool, accept only v &lt; ⌊2³² / m⌋ · m (so every remainder is equally likely: no modulo
 * bias) and then take the list at position v mod m (counting from 0) out of the pool; otherwise reject and go
 * on with the next c. Stop when k lists are drawn.
 */
public final class ListDraw {

  /** The fixed prefix of every hashed message; a new procedure gets a new version. */
  public static final String TAG = "uitslag-controleprotocol-v1";

  /** The default number of lists (Kiesraad, controleprotocol optellingen: three lists). */
  public static final int DEFAULT_COUNT = 3;

  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");
  private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\r\\n\\f\\x0B]+");

  private ListDraw() {}

  /**
   * What the draw is made from.
   *
   * @param electionId the election's identifier as printed on its documents (e.g. "GR2022_WestMaasEnWaal"), so
   *     that the same dice give a different draw in another election; may not contain '|'
   * @param sessionNumber the committee session (1 for the first session)
   * @param seed the public seed, e.g. the dice thrown in the session ("3 5 1 6 2 4"); printable ASCII, runs of
   *     whitespace count as one space and leading or trailing whitespace is ignored
   * @param listNumbers the lists that can be drawn (every list of the election with votes to add up)
   * @param count how many lists to draw, at most the number of lists
   */
  public record Request(String electionId, int sessionNumber, String seed, List<Integer> listNumbers, int count) {
    public Request {
      Objects.requireNonNull(electionId, "electionId");
      if (electionId.isBlank() || electionId.indexOf('|') >= 0 || !PRINTABLE_ASCII.matcher(electionId).matches()) {
        throw new IllegalArgumentException(
            "election id must be printable ASCII without '|': " + electionId);
      }
      if (sessionNumber < 1) {
        throw new IllegalArgumentException("session number starts at 1: " + sessionNumber);
      }
      seed = normaliseSeed(seed);
      Objects.requireNonNull(listNumbers, "listNumbers");
      TreeSet<Integer> sorted = new TreeSet<>();
      for (Integer n : listNumbers) {
        if (n == null || n < 1) {
          throw new IllegalArgumentException("list numbers start at 1: " + n);
        }
        if (!sorted.add(n)) {
          throw new IllegalArgumentException("list " + n + " appears twice");
        }
      }
      listNumbers = List.copyOf(sorted);
      if (count < 1 || count > listNumbers.size()) {
        throw new IllegalArgumentException(
            "cannot draw " + count + " of " + listNumbers.size() + " lists");
      }
    }
  }

  /**
   * One hash of the draw, kept so the coordinator and any observer can check every step.
   *
   * @param counter the attempt counter c
   * @param message the exact text that was hashed
   * @param digestHex the SHA-256 digest in lower-case hexadecimal
   * @param value the first 8 hexadecimal digits as an unsigned number
   * @param poolSize m, the number of lists still in the pool
   * @param limit ⌊2³² / m⌋ · m; values from here up are rejected
   * @param drawnList the list taken out of the pool, or null when the value was rejected
   */
  public record Attempt(
      int counter, String message, String digestHex, long value, int poolSize, long limit, Integer drawnList) {
    public boolean accepted() {
      return drawnList != null;
    }
  }

  /** The outcome: the lists in the order they were drawn and every hash that led there. */
  public record Result(Request request, List<Integer> drawnLists, List<Attempt> attempts) {
    public Result {
      Objects.requireNonNull(request, "request");
      drawnLists = List.copyOf(drawnLists);
      attempts = List.copyOf(attempts);
    }
  }

  /** Performs the draw; the same request always gives the same result. */
  public static Result draw(Request request) {
    return draw(request, 32);
  }

  /**
   * The draw with the value taken from the first {@code bits} bits of the digest instead of 32; only so the
   * tests can make rejections frequent. The procedure is the 32-bit one.
   */
  static Result draw(Request request, int bits) {
    Objects.requireNonNull(request, "request");
    if (bits < 1 || bits > 32 || request.listNumbers().size() > (1L << bits)) {
      throw new IllegalArgumentException("cannot draw from " + request.listNumbers().size() + " lists with "
          + bits + " bits");
    }
    long range = 1L << bits;
    List<Integer> pool = new ArrayList<>(request.listNumbers());
    List<Integer> drawn = new ArrayList<>();
    List<Attempt> attempts = new ArrayList<>();
    MessageDigest sha256 = sha256();
    for (int counter = 0; drawn.size() < request.count(); counter++) {
      String message = message(request, counter);
      byte[] digest = sha256.digest(message.getBytes(StandardCharsets.UTF_8));
      long value = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
          | (digest[3] & 0xFFL);
      value >>>= 32 - bits;
      int m = pool.size();
      long limit = (range / m) * m;
      Integer chosen = null;
      if (value < limit) {
        chosen = pool.remove((int) (value % m));
        drawn.add(chosen);
      }
      attempts.add(new Attempt(counter, message, HexFormat.of().formatHex(digest), value, m, limit, chosen));
    }
    return new Result(request, drawn, attempts);
  }

  /** The text hashed at attempt {@code counter}. */
  public static String message(Request request, int counter) {
    return TAG + "|" + request.electionId() + "|" + request.sessionNumber() + "|" + counter + "|" + request.seed();
  }

  /**
   * The seed as it is hashed: leading and trailing whitespace removed, every run of whitespace one space.
   *
   * @throws IllegalArgumentException when empty or containing anything but printable ASCII and whitespace, so
   *     that a script in any language hashes the same bytes
   */
  public static String normaliseSeed(String seed) {
    Objects.requireNonNull(seed, "seed");
    String normal = WHITESPACE.matcher(seed).replaceAll(" ").strip();
    if (normal.isEmpty()) {
      throw new IllegalArgumentException("the seed is empty");
    }
    if (!PRINTABLE_ASCII.matcher(normal).matches()) {
      throw new IllegalArgumentException(
          "the seed may contain only digits, letters, punctuation and spaces (printable ASCII)");
    }
    return normal;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
