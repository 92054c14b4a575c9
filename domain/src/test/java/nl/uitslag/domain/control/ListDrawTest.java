package nl.uitslag.domain.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

/** The draw of the control protocol (docs/CONTROL-PROTOCOL.md §2), checked against an independent computation. */
class ListDrawTest {

  private static List<Integer> lists(int n) {
    return IntStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
  }

  /**
   * The documented steps, written again here without the production code: hash the message, read 8 hex digits
   * as a number (BigInteger, not bytes), reject from ⌊2^bits / m⌋·m, take position v mod m.
   */
  private static List<Integer> independentDraw(
      String election, int session, String seed, List<Integer> lists, int k, int bits) throws Exception {
    String normal = String.join(" ", seed.trim().split("\\s+"));
    List<Integer> pool = new ArrayList<>(lists);
    pool.sort(null);
    List<Integer> drawn = new ArrayList<>();
    for (int c = 0; drawn.size() < k; c++) {
      String message = "uitslag-controleprotocol-v1|" + election + "|" + session + "|" + c + "|" + normal;
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
      String hex = String.format("%064x", new BigInteger(1, digest));
      BigInteger v = new BigInteger(hex.substring(0, 8), 16).shiftRight(32 - bits);
      BigInteger m = BigInteger.valueOf(pool.size());
      BigInteger limit = BigInteger.ONE.shiftLeft(bits).divide(m).multiply(m);
      if (v.compareTo(limit) < 0) {
        drawn.add(pool.remove(v.mod(m).intValue()));
      }
    }
    return drawn;
  }

  @Test
  void workedExampleOfTheDocumentation() {
    ListDraw.Result r = ListDraw.draw(
        new ListDraw.Request("GR2022_WestMaasEnWaal", 1, "3 5 1 6 2 4", lists(8), 3));
    assertThat(r.drawnLists()).containsExactly(7, 2, 6);
    ListDraw.Attempt first = r.attempts().get(0);
    assertThat(first.message()).isEqualTo("uitslag-controleprotocol-v1|GR2022_WestMaasEnWaal|1|0|3 5 1 6 2 4");
    assertThat(first.digestHex())
        .isEqualTo("d4d6585601b5982bab86a0276f46a4d69bc241b6b4b5600daf0051f9961cd670");
    assertThat(first.value()).isEqualTo(3_570_817_110L);
    assertThat(first.poolSize()).isEqualTo(8);
    assertThat(first.limit()).isEqualTo(4_294_967_296L);
    assertThat(first.drawnList()).isEqualTo(7);
    assertThat(r.attempts()).hasSize(3).allMatch(ListDraw.Attempt::accepted);
    assertThat(r.attempts().get(1).limit()).isEqualTo(4_294_967_292L);
  }

  @Test
  void theSessionNumberChangesTheDraw() {
    assertThat(ListDraw.draw(new ListDraw.Request("GR2022_WestMaasEnWaal", 2, "3 5 1 6 2 4", lists(8), 3))
        .drawnLists()).containsExactly(4, 2, 7);
  }

  @Test
  void whitespaceOfTheSeedIsNormalisedAsDocumented() {
    ListDraw.Result r = ListDraw.draw(new ListDraw.Request("TK2025", 1, "  12 \t 34\n56 ", lists(27), 5));
    assertThat(r.request().seed()).isEqualTo("12 34 56");
    assertThat(r.drawnLists()).containsExactly(18, 9, 21, 13, 11);
  }

  @Test
  void listNumbersAreSortedBeforeTheDraw() {
    assertThat(ListDraw.draw(new ListDraw.Request("GR2022_WestMaasEnWaal", 1, "3 5 1 6 2 4",
        List.of(8, 3, 1, 2, 7, 6, 5, 4), 3)).drawnLists()).containsExactly(7, 2, 6);
  }

  @Test
  void rejectionSamplingMatchesTheIndependentComputationWhenValuesAreRejected() throws Exception {
    // With 3 bits and 3 lists, values 6 and 7 are rejected (a quarter of all hashes).
    int rejections = 0;
    for (int seed = 0; seed < 200; seed++) {
      ListDraw.Request req = new ListDraw.Request("E1", 1, "seed " + seed, List.of(1, 2, 3), 2);
      ListDraw.Result r = ListDraw.draw(req, 3);
      assertThat(r.drawnLists()).isEqualTo(independentDraw("E1", 1, "seed " + seed, List.of(1, 2, 3), 2, 3));
      for (ListDraw.Attempt a : r.attempts()) {
        if (!a.accepted()) {
          rejections++;
          assertThat(a.value()).isGreaterThanOrEqualTo(a.limit());
        } else {
          assertThat(a.value()).isLessThan(a.limit());
        }
      }
    }
    assertThat(rejections).as("rejections exercised").isGreaterThan(20);
  }

  @Property(tries = 300)
  void drawEqualsTheIndependentComputation(
      @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll @StringLength(min = 1, max = 20) @CharRange(from = '!', to = '~') String seed,
      @ForAll @IntRange(min = 1, max = 3) int session) throws Exception {
    int count = Math.min(k, n);
    ListDraw.Result r = ListDraw.draw(new ListDraw.Request("GR2026_Test", session, seed, lists(n), count));
    assertThat(r.drawnLists()).isEqualTo(independentDraw("GR2026_Test", session, seed, lists(n), count, 32));
  }

  @Property(tries = 300)
  void drawsKDistinctListsFromTheCandidatesAndIsDeterministic(
      @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 1, max = 40) int k,
      @ForAll @StringLength(min = 1, max = 12) @CharRange(from = '0', to = '9') String seed) {
    int count = Math.min(k, n);
    ListDraw.Request req = new ListDraw.Request("E", 1, seed, lists(n), count);
    ListDraw.Result r = ListDraw.draw(req);
    assertThat(r.drawnLists()).hasSize(count).doesNotHaveDuplicates().allMatch(l -> l >= 1 && l <= n);
    assertThat(ListDraw.draw(req)).isEqualTo(r);
  }

  @Property(tries = 30)
  void everyListIsReachable(@ForAll @IntRange(min = 1, max = 12) int n) {
    Set<Integer> seen = new HashSet<>();
    for (int seed = 0; seed < 400 && seen.size() < n; seed++) {
      seen.addAll(ListDraw.draw(new ListDraw.Request("E", 1, Integer.toString(seed), lists(n), 1)).drawnLists());
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(lists(n));
  }

  @Test
  void everyListIsAboutEquallyLikely() {
    // 6000 draws of one of 6 lists: each count within ±20 % of 1000 (a loose check against gross bias).
    int[] counts = new int[7];
    for (int seed = 0; seed < 6000; seed++) {
      counts[ListDraw.draw(new ListDraw.Request("E", 1, "s" + seed, lists(6), 1)).drawnLists().get(0)]++;
    }
    for (int l = 1; l <= 6; l++) {
      assertThat(counts[l]).as("list %d", l).isBetween(800, 1200);
    }
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> new ListDraw.Request("E", 1, "   ", lists(5), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed is empty");
    assertThatThrownBy(() -> new ListDraw.Request("E", 1, "dobbelsteen é", lists(5), 3))
        .hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> new ListDraw.Request("E|F", 1, "1", lists(5), 3)).hasMessageContaining("'|'");
    assertThatThrownBy(() -> new ListDraw.Request("E", 0, "1", lists(5), 3)).hasMessageContaining("session");
    assertThatThrownBy(() -> new ListDraw.Request("E", 1, "1", lists(2), 3)).hasMessageContaining("cannot draw 3 of 2");
    assertThatThrownBy(() -> new ListDraw.Request("E", 1, "1", List.of(1, 1, 2), 1)).hasMessageContaining("twice");
    assertThatThrownBy(() -> new ListDraw.Request("E", 1, "1", List.of(0, 1), 1)).hasMessageContaining("start at 1");
  }
}
