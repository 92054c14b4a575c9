package nl.uitslag.documents.pdf;

import java.util.List;

/**
 * The recorded outcome of the control protocol on additions (controleprotocol optellingen): the GSB
 * adds up by hand, from the paper polling-station reports, the totals of the lists that were drawn and
 * compares them with the software's totals (osv.md §3).
 *
 * @param drawnListNumbers the lists drawn, usually three
 * @param totalsMatch whether the hand additions equal the totals in this PV
 * @param remarks what was found and done when they do not match; may be blank
 * @param seed the public seed the lists were drawn from (docs/CONTROL-PROTOCOL.md §2), printed so anyone can
 *     redo the draw; blank when not known
 */
public record ControlProtocolOutcome(
    List<Integer> drawnListNumbers, boolean totalsMatch, String remarks, String seed) {

  /** An outcome without the seed (blank). */
  public ControlProtocolOutcome(List<Integer> drawnListNumbers, boolean totalsMatch, String remarks) {
    this(drawnListNumbers, totalsMatch, remarks, "");
  }

  public ControlProtocolOutcome {
    drawnListNumbers = Checks.list(drawnListNumbers, "drawnListNumbers");
    if (drawnListNumbers.isEmpty()) {
      throw new IllegalArgumentException("the control protocol draws at least one list");
    }
    remarks = remarks == null ? "" : remarks.strip();
    seed = seed == null ? "" : seed.strip();
    if (!totalsMatch && remarks.isEmpty()) {
      throw new IllegalArgumentException(
          "a control protocol with differences must say what was found (remarks)");
    }
  }
}
