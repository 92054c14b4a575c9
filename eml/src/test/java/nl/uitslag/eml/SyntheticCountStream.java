package nl.uitslag.eml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A 510b generated on the fly, never stored: a total followed by as many identical reporting units as fit in the
 * requested size. Every unit has 10 lists of 40 candidates with one vote each, so the total is exact.
 */
final class SyntheticCountStream extends InputStream {
  static final int LISTS = 10;
  static final int CANDIDATES = 40;

  private final long units;
  private long nextUnit = 1;
  private byte[] chunk;
  private int pos;
  private boolean footerDone;
  private long produced;

  SyntheticCountStream(long targetBytes) {
    long unitSize = unit(1).length;
    this.units = Math.max(1, targetBytes / unitSize);
    this.chunk = header().getBytes(StandardCharsets.UTF_8);
  }

  long units() {
    return units;
  }

  long produced() {
    return produced;
  }

  private String header() {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\""
        + " xmlns:kr=\"http://www.kiesraad.nl/extensions\" Id=\"510b\" SchemaVersion=\"5\">\n"
        + "<TransactionId>1</TransactionId><ManagingAuthority><AuthorityIdentifier Id=\"0999\">Synthetica"
        + "</AuthorityIdentifier><AuthorityAddress/></ManagingAuthority>"
        + "<kr:CreationDateTime>2026-03-18T22:00:00.000</kr:CreationDateTime>\n<Count><EventIdentifier/><Election>"
        + "<ElectionIdentifier Id=\"GR2026_Synthetica\"><ElectionCategory>GR</ElectionCategory>"
        + "<kr:ElectionSubcategory>GR2</kr:ElectionSubcategory><kr:ElectionDate>2026-03-18</kr:ElectionDate>"
        + "</ElectionIdentifier><Contests><Contest><ContestIdentifier Id=\"geen\"/>\n<TotalVotes>");
    group(b, units, units * 500);
    b.append("</TotalVotes>\n");
    return b.toString();
  }

  private static void group(StringBuilder b, long n, long cast) {
    for (int l = 1; l <= LISTS; l++) {
      b.append("<Selection><AffiliationIdentifier Id=\"").append(l).append("\"><RegisteredName>Lijst ").append(l)
          .append("</RegisteredName></AffiliationIdentifier><ValidVotes>").append(CANDIDATES * n)
          .append("</ValidVotes></Selection>\n");
      for (int c = 1; c <= CANDIDATES; c++) {
        b.append("<Selection><Candidate><CandidateIdentifier Id=\"").append(c)
            .append("\"/></Candidate><ValidVotes>").append(n).append("</ValidVotes></Selection>\n");
      }
    }
    long valid = (long) LISTS * CANDIDATES * n;
    b.append("<Cast>").append(cast).append("</Cast><TotalCounted>").append(valid)
        .append("</TotalCounted><RejectedVotes ReasonCode=\"ongeldig\">").append(n)
        .append("</RejectedVotes><RejectedVotes ReasonCode=\"blanco\">").append(n)
        .append("</RejectedVotes><UncountedVotes ReasonCode=\"geldige stempassen\">").append(valid + 2 * n)
        .append("</UncountedVotes><UncountedVotes ReasonCode=\"toegelaten kiezers\">").append(valid + 2 * n)
        .append("</UncountedVotes>\n");
  }

  private static byte[] unit(long i) {
    StringBuilder b = new StringBuilder(48_000);
    b.append("<ReportingUnitVotes><ReportingUnitIdentifier Id=\"0999::SB").append(i)
        .append("\">Stembureau ").append(i).append("</ReportingUnitIdentifier>\n");
    group(b, 1, 0);
    b.append("</ReportingUnitVotes>\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private boolean refill() {
    if (nextUnit <= units) {
      chunk = unit(nextUnit++);
    } else if (!footerDone) {
      chunk = "</Contest></Contests></Election></Count></EML>\n".getBytes(StandardCharsets.UTF_8);
      footerDone = true;
    } else {
      return false;
    }
    pos = 0;
    return true;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (pos >= chunk.length) {
      if (!refill()) {
        return -1;
      }
    }
    int n = Math.min(len, chunk.length - pos);
    System.arraycopy(chunk, pos, buf, off, n);
    pos += n;
    produced += n;
    return n;
  }
}
