package nl.uitslag.crypto;

/** Tells a cut-off DER file from a damaged one by comparing the outer SEQUENCE's declared length with the size. */
final class Asn1Length {
  private Asn1Length() {}

  /**
   * @throws RejectedException {@link Rejection#TRUNCATED} when fewer bytes are present than the outer SEQUENCE
   *     declares, {@link Rejection#DAMAGED} when the start is not a DER SEQUENCE or bytes follow its end
   */
  static void check(byte[] der) throws RejectedException {
    if (der.length == 0) {
      throw new RejectedException(Rejection.TRUNCATED, "file is empty");
    }
    if ((der[0] & 0xFF) != 0x30) {
      throw new RejectedException(Rejection.DAMAGED, "file does not start with an ASN.1 SEQUENCE");
    }
    if (der.length < 2) {
      throw new RejectedException(Rejection.TRUNCATED, "file ends inside the first length");
    }
    int first = der[1] & 0xFF;
    long length;
    int header;
    if (first < 0x80) {
      length = first;
      header = 2;
    } else {
      int octets = first & 0x7F;
      if (octets == 0 || octets > 4) {
        throw new RejectedException(Rejection.DAMAGED, "outer length is indefinite or too large");
      }
      if (der.length < 2 + octets) {
        throw new RejectedException(Rejection.TRUNCATED, "file ends inside the first length");
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (der[2 + i] & 0xFF);
      }
      header = 2 + octets;
    }
    long expected = header + length;
    if (der.length < expected) {
      throw new RejectedException(
          Rejection.TRUNCATED, "file has " + der.length + " bytes, its structure declares " + expected);
    }
    if (der.length > expected) {
      throw new RejectedException(
          Rejection.DAMAGED, (der.length - expected) + " unexpected bytes after the end of the structure");
    }
  }
}
